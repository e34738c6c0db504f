import { describe, expect, it } from "vitest";
import { failedSignInDelayMs, isLocked } from "./sign-in-policy";

describe("sign-in policy", () => {
  it("slows each failure in a row more than the one before, up to a cap", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map(failedSignInDelayMs);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[0]).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4_000);
    expect(failedSignInDelayMs(0)).toBe(0);
  });

  it("treats a lock as over once its time has passed", () => {
    const now = new Date("2026-11-28T12:00:00Z");
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked(new Date("2026-11-28T12:00:01Z"), now)).toBe(true);
    expect(isLocked(new Date("2026-11-28T11:59:59Z"), now)).toBe(false);
  });
});
