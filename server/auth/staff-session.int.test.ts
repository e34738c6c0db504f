import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { authSecret, sessionCookieName } from "./auth-config";
import { authOptions } from "./auth-options";
import { changeStaffRole } from "./change-staff-role";
import { setStaffActive } from "./set-staff-active";
import { signOutEverywhere } from "./sign-out-everywhere";
import { resolveStaffSession } from "./staff-session";

let database: TestDatabase;
let adminId: string;
let supportId: string;

async function cookieFor(staffUserId: string, sessionVersion: number, sessionId = randomUUID()): Promise<Headers> {
  const token = await encode({
    token: { sub: staffUserId, sessionVersion, sessionId },
    secret: authSecret(),
    maxAge: 60,
  });
  return new Headers({ cookie: `other=1; ${sessionCookieName()}=${token}` });
}

beforeAll(async () => {
  database = await createTestDatabase();
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = database.prisma;
  const data = { passwordHash: "unused" };
  adminId = (await database.prisma.staffUser.create({ data: { ...data, email: "a@t", name: "A", role: "admin" } })).id;
  supportId = (await database.prisma.staffUser.create({ data: { ...data, email: "s@t", name: "S", role: "support" } }))
    .id;
});
afterAll(async () => {
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = undefined;
  await database?.drop();
});

describe("resolveStaffSession", () => {
  it("is null without a cookie or with a forged token", async () => {
    expect(await resolveStaffSession(new Headers())).toBeNull();
    expect(await resolveStaffSession(new Headers({ cookie: `${sessionCookieName()}=forged` }))).toBeNull();
  });

  it("reads the role from the database, so a role change applies to the next request", async () => {
    const headers = await cookieFor(supportId, 0);
    expect(await resolveStaffSession(headers)).toMatchObject({ userId: supportId, role: "support" });
    await changeStaffRole(database.prisma, {
      staffUserId: supportId,
      role: "finance",
      reason: "moved team",
      actorId: adminId,
    });
    expect(await resolveStaffSession(headers)).toMatchObject({ role: "finance" });
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: "staff.role_changed" } });
    expect(audit).toMatchObject({
      actorId: adminId,
      reason: "moved team",
      before: { role: "support" },
      after: { role: "finance" },
    });
  });

  it("signing out revokes that session on the server: its cookie fails afterwards, other sessions go on", async () => {
    const sessionId = randomUUID();
    const signedOut = await cookieFor(adminId, 0, sessionId);
    const otherDevice = await cookieFor(adminId, 0);
    expect(await resolveStaffSession(signedOut)).toMatchObject({ userId: adminId });
    // What next-auth runs on POST /api/auth/signout, with the token it decoded from the cookie.
    await authOptions().events?.signOut?.({
      token: { sub: adminId, sessionVersion: 0, sessionId },
      session: null as never,
    });
    expect(await resolveStaffSession(signedOut)).toBeNull();
    expect(await resolveStaffSession(otherDevice)).toMatchObject({ userId: adminId });
  });

  it("refuses a token without a session id (one sign-out could not revoke)", async () => {
    const token = await encode({ token: { sub: adminId, sessionVersion: 0 }, secret: authSecret(), maxAge: 60 });
    expect(await resolveStaffSession(new Headers({ cookie: `${sessionCookieName()}=${token}` }))).toBeNull();
  });

  it("ends every existing token on sign-out everywhere", async () => {
    const headers = await cookieFor(supportId, 0);
    await signOutEverywhere(database.prisma, { staffUserId: supportId, actorId: supportId });
    expect(await resolveStaffSession(headers)).toBeNull();
    expect(await resolveStaffSession(await cookieFor(supportId, 1))).toMatchObject({ userId: supportId });
  });

  it("ends the sessions of a deactivated user and keeps the last admin", async () => {
    const headers = await cookieFor(supportId, 1);
    await setStaffActive(database.prisma, { staffUserId: supportId, active: false, reason: "left", actorId: adminId });
    expect(await resolveStaffSession(headers)).toBeNull();
    await expect(
      setStaffActive(database.prisma, { staffUserId: adminId, active: false, reason: "oops", actorId: adminId }),
    ).rejects.toThrow(/at least one active admin/);
    await expect(
      changeStaffRole(database.prisma, { staffUserId: adminId, role: "risk", reason: "oops", actorId: adminId }),
    ).rejects.toThrow(/at least one active admin/);
  });
});
