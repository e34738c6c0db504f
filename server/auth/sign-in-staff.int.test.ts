import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { hashPassword, verifyPassword } from "./password";
import { FAILED_SIGN_IN_ANSWER_MS, FIRST_LOCK_MS, MAX_FAILED_SIGN_INS } from "./sign-in-policy";
import { type PasswordVerifier, signInStaff } from "./sign-in-staff";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

async function createStaff(email: string, password: string): Promise<{ id: string; passwordHash: string }> {
  const passwordHash = await hashPassword(password);
  const user = await database.prisma.staffUser.create({ data: { email, name: "Sam", role: "support", passwordHash } });
  return { id: user.id, passwordHash };
}

/** The real verifier, counting the checks made against one account's own hash. */
function countingVerifier(passwordHash: string): { verify: PasswordVerifier; checks: () => number } {
  let checks = 0;
  return {
    verify: (hash, password) => {
      if (hash === passwordHash) checks += 1;
      return verifyPassword(hash, password);
    },
    checks: () => checks,
  };
}

const auditActions = async (staffUserId: string) =>
  (await database.prisma.auditLog.findMany({ where: { subjectId: staffUserId }, orderBy: { createdAt: "asc" } })).map(
    (row) => row.action,
  );

const fast = { answerFloorMs: 0 };

describe("staff sign-in", () => {
  it("signs in with the right password, case-insensitively by email, and audits it", async () => {
    const staff = await createStaff("sam@payops.test", "right-password-1");
    const result = await signInStaff(
      database.prisma,
      { email: " SAM@payops.test", password: "right-password-1" },
      fast,
    );
    expect(result).toMatchObject({ ok: true, staff: { id: staff.id, role: "support", sessionVersion: 0 } });
    expect(await auditActions(staff.id)).toContain("staff.signed_in");
  });

  it("locks after five failures in a row, refuses even the right password, and unlocks later", async () => {
    const staff = await createStaff("lock@payops.test", "right-password-1");
    const now = new Date("2026-11-28T12:00:00Z");
    for (let attempt = 1; attempt <= MAX_FAILED_SIGN_INS; attempt++) {
      const result = await signInStaff(
        database.prisma,
        { email: "lock@payops.test", password: "wrong" },
        { ...fast, now },
      );
      expect(result).toEqual({ ok: false });
    }
    const locked = await database.prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(locked.lockedUntil).toEqual(new Date(now.getTime() + FIRST_LOCK_MS));

    const right = { email: "lock@payops.test", password: "right-password-1" };
    const during = new Date(now.getTime() + FIRST_LOCK_MS - 1_000);
    expect(await signInStaff(database.prisma, right, { ...fast, now: during })).toEqual({ ok: false });

    const after = new Date(now.getTime() + FIRST_LOCK_MS + 1_000);
    expect((await signInStaff(database.prisma, right, { ...fast, now: after })).ok).toBe(true);
    const user = await database.prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(user).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    const actions = await auditActions(staff.id);
    expect(actions.filter((action) => action === "staff.sign_in_failed")).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(actions).toContain("staff.locked_out");
  });

  it("doubles the lock with each failure after the fifth, so one guess per lock period", async () => {
    const staff = await createStaff("progressive@payops.test", "right-password-1");
    let now = new Date("2026-11-28T12:00:00Z");
    const wrong = { email: "progressive@payops.test", password: "wrong" };
    for (let attempt = 1; attempt <= MAX_FAILED_SIGN_INS; attempt++)
      await signInStaff(database.prisma, wrong, { ...fast, now });
    const locks: number[] = [];
    for (let round = 0; round < 3; round++) {
      const { lockedUntil } = await database.prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
      locks.push(lockedUntil!.getTime() - now.getTime());
      now = new Date(lockedUntil!.getTime() + 1);
      await signInStaff(database.prisma, wrong, { ...fast, now });
    }
    expect(locks).toEqual([FIRST_LOCK_MS, 2 * FIRST_LOCK_MS, 4 * FIRST_LOCK_MS]);
  });

  it("evaluates at most five of 50 concurrent wrong guesses, and the right password in the burst is refused", async () => {
    const staff = await createStaff("burst@payops.test", "right-password-1");
    const spy = countingVerifier(staff.passwordHash);
    const now = new Date("2026-11-29T12:00:00Z");
    const guesses = Array.from({ length: 50 }, (_, index) =>
      signInStaff(
        database.prisma,
        { email: "burst@payops.test", password: `wrong-${index}` },
        { ...fast, now, verify: spy.verify },
      ),
    );
    const results = await Promise.all(guesses);
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(spy.checks()).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS);
    const actions = await auditActions(staff.id);
    expect(actions.filter((action) => action === "staff.sign_in_failed").length).toBe(spy.checks());

    const burstWithRight = Array.from({ length: 20 }, (_, index) =>
      signInStaff(
        database.prisma,
        { email: "burst@payops.test", password: index === 10 ? "right-password-1" : `wrong-again-${index}` },
        { ...fast, now, verify: spy.verify },
      ),
    );
    expect((await Promise.all(burstWithRight)).some((result) => result.ok)).toBe(false);
    expect(spy.checks()).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS);
  });

  it("answers an unknown, a known and a locked email alike, in the same time", async () => {
    await createStaff("known@payops.test", "right-password-1");
    const locked = await createStaff("locked@payops.test", "right-password-1");
    await database.prisma.staffUser.update({
      where: { id: locked.id },
      data: { failedSignIns: MAX_FAILED_SIGN_INS, lockedUntil: new Date(Date.now() + 60_000) },
    });
    const timed = async (email: string) => {
      const started = performance.now();
      const result = await signInStaff(database.prisma, { email, password: "wrong-password" });
      return { result, ms: performance.now() - started };
    };
    const samples: Record<string, number[]> = { unknown: [], known: [], locked: [] };
    for (let round = 0; round < 5; round++) {
      for (const [kind, email] of [
        ["unknown", `nobody-${round}@payops.test`],
        ["known", "known@payops.test"],
        ["locked", "locked@payops.test"],
      ] as const) {
        const { result, ms } = await timed(email);
        expect(result).toEqual({ ok: false });
        samples[kind]!.push(ms);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const medians = Object.values(samples).map(median);
    // Loose on purpose (a shared CI machine): the floor makes every refusal take ~600 ms.
    expect(Math.max(...medians) - Math.min(...medians)).toBeLessThan(150);
    for (const value of medians) expect(value).toBeGreaterThanOrEqual(FAILED_SIGN_IN_ANSWER_MS - 5);
  });
});
