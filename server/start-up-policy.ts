import type { ServerEnv } from "./env";

export type StartUpPlan = {
  /** Why the launcher must not start; undefined when it may. */
  refusal?: string;
  /** Lines the launcher prints loudly (to stderr) before it starts. */
  warnings: string[];
  seedDevelopmentStaff: boolean;
  seedCatalogue: boolean;
};

/**
 * What `npm run dev` / `npm start` may do with this configuration (parseServerEnv has already
 * refused production without AUTH_SECRET). Production never signs sessions
 * with a known key, never seeds the README's public staff passwords and never runs on the Stripe
 * sandbox unless someone opted in by name, because each of those turns a test setup into an open door.
 */
export function planStartUp(env: ServerEnv): StartUpPlan {
  const production = env.NODE_ENV === "production";
  const sandbox = !env.STRIPE_SECRET_KEY;
  const warnings: string[] = [];
  if (!production) {
    return { warnings, seedDevelopmentStaff: true, seedCatalogue: true };
  }
  const refuse = (refusal: string): StartUpPlan => ({
    refusal,
    warnings,
    seedDevelopmentStaff: false,
    seedCatalogue: false,
  });
  if (sandbox && !env.PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION) {
    return refuse(
      "production needs STRIPE_SECRET_KEY (real Stripe); to run on the Stripe sandbox anyway set PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION=1",
    );
  }
  if (env.PAYOPS_SEED_DEVELOPMENT_STAFF && !sandbox) {
    return refuse("PAYOPS_SEED_DEVELOPMENT_STAFF=1 is refused with a real STRIPE_SECRET_KEY");
  }
  if (sandbox)
    warnings.push("WARNING: production is running on the Stripe SANDBOX (PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION=1)");
  if (env.PAYOPS_SEED_DEVELOPMENT_STAFF) {
    warnings.push(
      "WARNING: seeding the development staff accounts with their PUBLIC passwords (PAYOPS_SEED_DEVELOPMENT_STAFF=1)",
    );
  }
  return {
    warnings,
    seedDevelopmentStaff: env.PAYOPS_SEED_DEVELOPMENT_STAFF,
    // The catalogue is demo data: only an embedded (throw-away) database gets it in production.
    seedCatalogue: !env.DATABASE_URL,
  };
}
