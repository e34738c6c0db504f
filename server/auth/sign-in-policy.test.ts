import { describe, expect, it } from "vitest";
import { FIRST_LOCK_MS, isLocked, lockDurationMs, MAX_FAILED_SIGN_INS, MAX_LOCK_MS } from "./sign-in-policy";

describe("sign-in policy", () => {
  it("locks only from the fifth failure in a row, then doubles each lock up to a cap", () => {
    for (let failures = 0; failures < MAX_FAILED_SIGN_INS; failures++) expect(lockDurationMs(failures)).toBe(0);
    expect(lockDurationMs(MAX_FAILED_SIGN_INS)).toBe(FIRST_LOCK_MS);
    expect(lockDurationMs(MAX_FAILED_SIGN_INS + 1)).toBe(2 * FIRST_LOCK_MS);
    expect(lockDurationMs(MAX_FAILED_SIGN_INS + 2)).toBe(4 * FIRST_LOCK_MS);
    expect(lockDurationMs(MAX_FAILED_SIGN_INS + 40)).toBe(MAX_LOCK_MS);
    expect(FIRST_LOCK_MS).toBeLessThanOrEqual(60_000);
  });

  it("treats a lock as over once its time has passed", () => {
    const now = new Date("2026-11-28T12:00:00Z");
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked(new Date("2026-11-28T12:00:01Z"), now)).toBe(true);
    expect(isLocked(new Date("2026-11-28T11:59:59Z"), now)).toBe(false);
  });
});
