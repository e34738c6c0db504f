import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { ApiContext } from "../api/context";
import { appRouter } from "../api/root";
import { createCallerFactory } from "../api/trpc";
import { authSecret, sessionCookieName } from "./auth-config";
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from "./enrol-two-factor";
import { hashPassword } from "./password";
import { setTwoFactorRequirement } from "./set-two-factor-requirement";
import { signInStaff } from "./sign-in-staff";
import { resolveStaffSession } from "./staff-session";
import { currentTotpCode } from "./totp-codes";

let database: TestDatabase;
let supportId: string;
let adminId: string;
const password = "right-password-1";
const fast = { answerFloorMs: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = database.prisma;
  const passwordHash = await hashPassword(password);
  supportId = (
    await database.prisma.staffUser.create({
      data: { email: "two@payops.test", name: "T", role: "support", passwordHash },
    })
  ).id;
  adminId = (
    await database.prisma.staffUser.create({
      data: { email: "adm@payops.test", name: "A", role: "admin", passwordHash },
    })
  ).id;
});
afterAll(async () => {
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = undefined;
  await database?.drop();
});

async function sessionOf(staffUserId: string) {
  const { sessionVersion } = await database.prisma.staffUser.findUniqueOrThrow({ where: { id: staffUserId } });
  const token = await encode({
    token: { sub: staffUserId, sessionVersion, sessionId: randomUUID() },
    secret: authSecret(),
    maxAge: 60,
  });
  return resolveStaffSession(new Headers({ cookie: `${sessionCookieName()}=${token}` }));
}

describe("two-factor sign-in", () => {
  it("keeps a money-moving role out of the back office until it enrols", async () => {
    const session = await sessionOf(supportId);
    expect(session).toMatchObject({ role: "support", twoFactorPending: true });
    const context: ApiContext = { requestId: "t", headers: new Headers(), staff: session };
    const caller = createCallerFactory(appRouter)(context);
    await expect(caller.orders.list({})).rejects.toThrow(/two-factor/);
    await expect(caller.orders.list({})).rejects.toBeInstanceOf(TRPCError);
    // The set-up itself is open to it.
    expect((await caller.twoFactor.start()).uri).toMatch(/^otpauth:\/\/totp\//);
  });

  it("enrols with a code from the app, then asks for a code at sign-in and accepts each code once", async () => {
    const { secret } = await startTwoFactorEnrolment(database.prisma, supportId);
    await expect(
      confirmTwoFactorEnrolment(database.prisma, { staffUserId: supportId, code: "000000" }),
    ).rejects.toThrow(/does not match/);
    const now = new Date();
    const { recoveryCodes } = await confirmTwoFactorEnrolment(
      database.prisma,
      { staffUserId: supportId, code: await currentTotpCode(secret, now) },
      now,
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(await sessionOf(supportId)).toMatchObject({ twoFactorPending: false, twoFactorEnabled: true });
    const stored = await database.prisma.staffRecoveryCode.findMany({ where: { staffUserId: supportId } });
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);

    const email = "two@payops.test";
    expect(await signInStaff(database.prisma, { email, password }, fast)).toEqual({ ok: false, needsCode: true });
    expect(await signInStaff(database.prisma, { email, password: "wrong", code: "123456" }, fast)).toEqual({
      ok: false,
    });

    // The enrolment code's step is used; the next step's code signs in, once.
    const later = new Date(now.getTime() + 30_000);
    const code = await currentTotpCode(secret, later);
    expect((await signInStaff(database.prisma, { email, password, code }, { ...fast, now: later })).ok).toBe(true);
    expect(await signInStaff(database.prisma, { email, password, code }, { ...fast, now: later })).toEqual({
      ok: false,
    });

    const recovery = recoveryCodes[3]!.toLowerCase();
    expect((await signInStaff(database.prisma, { email, password, code: recovery }, fast)).ok).toBe(true);
    expect(await signInStaff(database.prisma, { email, password, code: recovery }, fast)).toEqual({ ok: false });
    const actions = (await database.prisma.auditLog.findMany({ where: { subjectId: supportId } })).map(
      (row) => row.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["staff.two_factor_enabled", "staff.recovery_code_used"]));
  });

  it("lets an admin turn the requirement off, audited with a reason", async () => {
    expect(await sessionOf(adminId)).toMatchObject({ twoFactorPending: true });
    await setTwoFactorRequirement(database.prisma, {
      required: false,
      reason: "pilot without phones",
      actorId: adminId,
    });
    expect(await sessionOf(adminId)).toMatchObject({ twoFactorPending: false });
    const audit = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "staff.two_factor_requirement_changed" },
    });
    expect(audit).toMatchObject({
      actorId: adminId,
      reason: "pilot without phones",
      before: { requireTwoFactor: true },
      after: { requireTwoFactor: false },
    });
    await setTwoFactorRequirement(database.prisma, { required: true, reason: "phones arrived", actorId: adminId });
    expect(await sessionOf(adminId)).toMatchObject({ twoFactorPending: true });
  });
});
