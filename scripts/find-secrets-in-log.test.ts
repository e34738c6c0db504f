import { describe, expect, it } from "vitest";
import { findSecretsInLog } from "./find-secrets-in-log";

describe("findSecretsInLog", () => {
  it("finds passwords, session cookies, signatures, keys and card numbers", () => {
    const log = [
      '{"msg":"x","password":"admin-password-1"}',
      "cookie: next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc",
      `stripe-signature: t=1796118680,v1=${"a".repeat(64)}`,
      "key sk_test_51Habcdefghijkl and whsec_0123456789abcdefgh",
      "card 4242 4242 4242 4242",
    ].join("\n");
    expect(findSecretsInLog(log)).toHaveLength(6);
  });

  it("finds nothing in a clean log", () => {
    const log = '{"level":40,"email":"a@payops.test","msg":"staff sign-in failed","authorization":"[redacted]"}';
    expect(findSecretsInLog(log)).toEqual([]);
  });
});
