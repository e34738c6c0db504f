import { describe, expect, it } from "vitest";
import { ConfigurationError, parseServerEnv } from "./env";

describe("parseServerEnv", () => {
  it("accepts an empty environment with local defaults", () => {
    const env = parseServerEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_POSTGRES_PORT).toBe(54329);
    expect(env.PORT).toBe(3000);
    expect(env.JOB_EXECUTOR).toBe("local");
  });

  it("treats empty strings as unset", () => {
    expect(parseServerEnv({ DATABASE_URL: "", STRIPE_SECRET_KEY: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/payops", "DATABASE_URL expected a postgresql://"],
    ["DATABASE_URL", "not a url", "DATABASE_URL expected a postgresql://"],
    ["DATABASE_URL", "postgresql://localhost:5432", "DATABASE_URL expected a postgresql://"],
    ["PORT", "eighty", "PORT"],
    ["STRIPE_SECRET_KEY", "pk_test_123", "STRIPE_SECRET_KEY expected a key starting sk_test_"],
    ["STRIPE_WEBHOOK_SECRET", "secret", "STRIPE_WEBHOOK_SECRET expected a signing secret starting whsec_"],
    ["JOB_EXECUTOR", "cron", "JOB_EXECUTOR"],
    ["METRICS_TOKEN", "short", "METRICS_TOKEN expected at least 16 printable characters"],
    ["METRICS_TOKEN", "has a space in it somewhere", "METRICS_TOKEN expected at least 16 printable characters"],
  ])("refuses %s=%s with one line naming it", (name, value, expected) => {
    let error: unknown;
    try {
      parseServerEnv({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain(expected);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("requires AUTH_SECRET in production", () => {
    expect(() => parseServerEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET/);
    expect(parseServerEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).NODE_ENV).toBe("production");
  });
});
