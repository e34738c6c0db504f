import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { hashPassword } from "./password";
import { LOCK_DURATION_MS, MAX_FAILED_SIGN_INS } from "./sign-in-policy";
import { signInStaff } from "./sign-in-staff";

let database: TestDatabase;
let staffUserId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const user = await database.prisma.staffUser.create({
    data: {
      email: "sam@payops.test",
      name: "Sam",
      role: "support",
      passwordHash: await hashPassword("right-password-1"),
    },
  });
  staffUserId = user.id;
});
afterAll(() => database?.drop());

const auditActions = async () =>
  (
    await database.prisma.auditLog.findMany({
      where: { subjectId: staffUserId },
      orderBy: { createdAt: "asc" },
    })
  ).map((row) => row.action);

describe("staff sign-in", () => {
  it("signs in with the right password, case-insensitively by email, and audits it", async () => {
    const result = await signInStaff(database.prisma, { email: " SAM@payops.test", password: "right-password-1" });
    expect(result).toMatchObject({ ok: true, staff: { id: staffUserId, role: "support", sessionVersion: 0 } });
    expect(await auditActions()).toContain("staff.signed_in");
  });

  it("locks the account after repeated failures, refuses even the right password, and unlocks later", async () => {
    const now = new Date("2026-11-28T12:00:00Z");
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      const result = await signInStaff(database.prisma, { email: "sam@payops.test", password: "wrong" }, now);
      expect(result).toEqual({ ok: false, reason: "invalid", failuresInARow: attempt });
    }
    const locking = await signInStaff(database.prisma, { email: "sam@payops.test", password: "wrong" }, now);
    expect(locking).toEqual({ ok: false, reason: "locked", lockedUntil: new Date(now.getTime() + LOCK_DURATION_MS) });

    const duringLock = new Date(now.getTime() + LOCK_DURATION_MS - 1_000);
    const refused = await signInStaff(
      database.prisma,
      { email: "sam@payops.test", password: "right-password-1" },
      duringLock,
    );
    expect(refused).toMatchObject({ ok: false, reason: "locked" });

    const afterLock = new Date(now.getTime() + LOCK_DURATION_MS + 1_000);
    const again = await signInStaff(
      database.prisma,
      { email: "sam@payops.test", password: "right-password-1" },
      afterLock,
    );
    expect(again.ok).toBe(true);
    const user = await database.prisma.staffUser.findUniqueOrThrow({ where: { id: staffUserId } });
    expect(user).toMatchObject({ failedSignIns: 0, lockedUntil: null });

    const actions = await auditActions();
    expect(actions.filter((action) => action === "staff.sign_in_failed")).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(actions).toContain("staff.locked_out");
  });

  it("counts parallel guesses atomically, so a burst cannot exceed the limit", async () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const results = await Promise.all(
      Array.from({ length: MAX_FAILED_SIGN_INS + 3 }, () =>
        signInStaff(database.prisma, { email: "sam@payops.test", password: "wrong" }, now),
      ),
    );
    expect(results.filter((result) => !result.ok && result.reason === "locked").length).toBeGreaterThanOrEqual(1);
    const user = await database.prisma.staffUser.findUniqueOrThrow({ where: { id: staffUserId } });
    expect(user.lockedUntil?.getTime()).toBeGreaterThan(now.getTime());
  });

  it("answers an unknown email like a wrong password", async () => {
    expect(await signInStaff(database.prisma, { email: "nobody@payops.test", password: "x" })).toEqual({
      ok: false,
      reason: "invalid",
      failuresInARow: 0,
    });
  });
});
