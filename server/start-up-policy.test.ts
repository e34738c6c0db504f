import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";
import { planStartUp } from "./start-up-policy";

const secret = { AUTH_SECRET: "s".repeat(32) };

describe("planStartUp", () => {
  it("never seeds the development staff in production on the embedded database", () => {
    const plan = planStartUp(
      parseServerEnv({ NODE_ENV: "production", ...secret, PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: "1" }),
    );
    expect(plan.refusal).toBeUndefined();
    expect(plan.seedDevelopmentStaff).toBe(false);
  });

  it("refuses the Stripe sandbox in production unless PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION=1, and warns when allowed", () => {
    expect(planStartUp(parseServerEnv({ NODE_ENV: "production", ...secret })).refusal).toMatch(
      /PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION=1/,
    );
    const sandboxUrl = { STRIPE_API_URL: "http://127.0.0.1:12111" };
    expect(planStartUp(parseServerEnv({ NODE_ENV: "production", ...secret, ...sandboxUrl })).refusal).toBeDefined();
    const allowed = planStartUp(
      parseServerEnv({ NODE_ENV: "production", ...secret, PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: "1" }),
    );
    expect(allowed.warnings.join("\n")).toMatch(/SANDBOX/);
  });

  it("seeds the public staff accounts in production only when named, and never beside real Stripe keys", () => {
    const optIn = { NODE_ENV: "production", ...secret, PAYOPS_SEED_DEVELOPMENT_STAFF: "1" };
    const onSandbox = planStartUp(parseServerEnv({ ...optIn, PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: "1" }));
    expect(onSandbox.seedDevelopmentStaff).toBe(true);
    expect(onSandbox.warnings.join("\n")).toMatch(/PUBLIC passwords/);
    const realStripe = planStartUp(parseServerEnv({ ...optIn, STRIPE_SECRET_KEY: "sk_live_x" }));
    expect(realStripe.refusal).toMatch(/PAYOPS_SEED_DEVELOPMENT_STAFF/);
  });

  it("keeps development zero-setup", () => {
    expect(planStartUp(parseServerEnv({}))).toEqual({ warnings: [], seedDevelopmentStaff: true, seedCatalogue: true });
  });
});
