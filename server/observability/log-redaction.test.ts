import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { LOG_REDACTION } from "./log-redaction";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ redact: LOG_REDACTION }, stream), text: () => lines.join("") };
}

describe("log redaction", () => {
  it("keeps credentials, cookies, signatures, card data and codes out of every line", () => {
    const { log, text } = capture();
    log.warn({
      req: { headers: { authorization: "Bearer SECRET-A", cookie: "next-auth.session-token=SECRET-B" } },
      headers: { "stripe-signature": "t=1,v1=SECRET-C", "set-cookie": "x=SECRET-D" },
      password: "SECRET-E",
      body: { card: { number: "4242424242424242", cvc: "123" }, client_secret: "pi_1_secret_SECRET-F" },
      user: { passwordHash: "$argon2id$SECRET-G", totpSecret: "SECRET-H", recoveryCodes: ["SECRET-I"] },
      token: "SECRET-J",
      email: "kept@example.test",
    });
    const line = text();
    expect(line).not.toMatch(/SECRET-|4242424242424242/);
    expect(line).toContain("kept@example.test");
    expect(line).toContain("[redacted]");
  });
});
