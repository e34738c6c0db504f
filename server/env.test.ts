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
    const limits = parseServerEnv({ RATE_LIMIT_WEBHOOK_PER_SOURCE: "", TRUSTED_PROXY_HOPS: "", REDIS_URL: "" });
    expect(limits).toMatchObject({ RATE_LIMIT_WEBHOOK_PER_SOURCE: 10_000, TRUSTED_PROXY_HOPS: 0 });
    expect(limits.REDIS_URL).toBeUndefined();
  });

  it("writes dates in the merchant's zone and locale, refusing a misspelt zone", () => {
    expect(parseServerEnv({ MERCHANT_TIME_ZONE: "" })).toMatchObject({
      MERCHANT_TIME_ZONE: "UTC",
      MERCHANT_LOCALE: "en-US",
    });
    expect(parseServerEnv({ MERCHANT_TIME_ZONE: "Asia/Tokyo" }).MERCHANT_TIME_ZONE).toBe("Asia/Tokyo");
    expect(() => parseServerEnv({ MERCHANT_TIME_ZONE: "Europe/Berlni" })).toThrow(
      /MERCHANT_TIME_ZONE expected an IANA/,
    );
  });

  it("refuses a rate limit that is not a positive whole number, and a REDIS_URL that is not redis://", () => {
    expect(() => parseServerEnv({ RATE_LIMIT_SIGN_IN_PER_IP: "0" })).toThrow(
      /RATE_LIMIT_SIGN_IN_PER_IP expected a positive/,
    );
    expect(() => parseServerEnv({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL expected a redis:\/\//);
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/payops", "DATABASE_URL expected a postgresql://"],
    ["DATABASE_URL", "not a url", "DATABASE_URL expected a postgresql://"],
    ["DATABASE_URL", "postgresql://localhost:5432", "DATABASE_URL expected a postgresql://"],
    ["PORT", "eighty", "PORT"],
    ["STRIPE_SECRET_KEY", "pk_test_123", "STRIPE_SECRET_KEY expected a key starting sk_test_"],
    ["STRIPE_WEBHOOK_SECRET", "secret", "STRIPE_WEBHOOK_SECRET expected a signing secret starting whsec_"],
    ["JOB_EXECUTOR", "cron", "JOB_EXECUTOR"],
    ["INNGEST_DEV", "yes", "INNGEST_DEV expected 1, 0 or the dev server's URL"],
    ["INNGEST_BASE_URL", "inngest.internal", "INNGEST_BASE_URL expected the Inngest server's base URL"],
    ["DEAD_LETTER_AFTER_ATTEMPTS", "0", "DEAD_LETTER_AFTER_ATTEMPTS"],
    ["SWEEP_STUCK_ORDER_AGE_MS", "soon", "SWEEP_STUCK_ORDER_AGE_MS"],
    ["SWEEP_UNPROCESSED_EVENT_AGE_MS", "-1", "SWEEP_UNPROCESSED_EVENT_AGE_MS"],
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

  it("runs on the Inngest dev server without keys, and asks for keys otherwise", () => {
    expect(parseServerEnv({ JOB_EXECUTOR: "inngest", INNGEST_DEV: "1" }).JOB_EXECUTOR).toBe("inngest");
    expect(parseServerEnv({ JOB_EXECUTOR: "inngest", INNGEST_DEV: "http://127.0.0.1:8288" }).INNGEST_DEV).toBe(
      "http://127.0.0.1:8288",
    );
    expect(() => parseServerEnv({ JOB_EXECUTOR: "inngest" })).toThrow(/INNGEST_EVENT_KEY is required/);
    const selfHosted = {
      JOB_EXECUTOR: "inngest",
      INNGEST_BASE_URL: "http://inngest.internal:8288",
      INNGEST_EVENT_KEY: "event-key",
    };
    expect(parseServerEnv(selfHosted).INNGEST_BASE_URL).toBe("http://inngest.internal:8288");
    expect(() => parseServerEnv({ ...selfHosted, NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) })).toThrow(
      /INNGEST_SIGNING_KEY is required/,
    );
  });
});
