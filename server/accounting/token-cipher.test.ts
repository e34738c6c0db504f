import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { accountingKey, openSecret, sealSecret } from "./token-cipher";

describe("token sealing", () => {
  const key = randomBytes(32);

  it("opens what it sealed, with a fresh IV each time, and never shows the secret", () => {
    const a = sealSecret("refresh-token-123", key);
    const b = sealSecret("refresh-token-123", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("refresh-token");
    expect(openSecret(a, key)).toBe("refresh-token-123");
  });

  it("refuses a wrong key or a tampered value", () => {
    const sealed = sealSecret("secret", key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    const parts = sealed.split(":");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => openSecret(parts.join(":"), key)).toThrow();
  });

  it("takes the key as hex or base64 and refuses none or a short one", () => {
    expect(accountingKey(key.toString("hex"))).toEqual(key);
    expect(accountingKey(key.toString("base64"))).toEqual(key);
    expect(() => accountingKey(undefined)).toThrow(/ACCOUNTING_ENCRYPTION_KEY/);
    expect(() => accountingKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
