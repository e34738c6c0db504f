import { describe, expect, it } from "vitest";
import {
  currentTotpCode,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpCodeStep,
  totpUri,
} from "./totp-codes";

describe("TOTP codes", () => {
  it("accepts the current code once per step and nothing older, with one step of clock drift", async () => {
    const secret = newTotpSecret();
    const now = new Date("2026-12-01T10:00:10Z");
    const code = await currentTotpCode(secret, now);
    const step = await totpCodeStep(secret, code, null, now);
    expect(step).toBe(Math.floor(now.getTime() / 30_000));
    expect(await totpCodeStep(secret, code, step, now)).toBeNull();
    const earlier = await currentTotpCode(secret, new Date(now.getTime() - 30_000));
    expect(await totpCodeStep(secret, earlier, null, now)).toBe(step! - 1);
    const muchEarlier = await currentTotpCode(secret, new Date(now.getTime() - 120_000));
    expect(await totpCodeStep(secret, muchEarlier, null, now)).toBeNull();
    expect(await totpCodeStep(secret, "12345", null, now)).toBeNull();
    expect(totpUri(secret, "a@payops.test")).toMatch(/^otpauth:\/\/totp\/PayOps:a%40payops\.test\?.*secret=/);
  });

  it("makes distinct recovery codes whose hash ignores case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
    expect(hashRecoveryCode(codes[0]!.toLowerCase().replaceAll("-", ""))).toBe(hashRecoveryCode(codes[0]!));
  });
});
