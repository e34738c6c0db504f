import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { type ServerEnv, serverEnv } from "../env";
import { createLimiter, type LimiterShape } from "./rate-limit-store";

/** Every rate limit PayOps applies: what it counts per, how many, over which window. */
export const RATE_LIMIT_POLICIES = {
  /** Sign-in attempts from one address (RATE_LIMIT_SIGN_IN_PER_IP per 10 minutes). */
  signInPerIp: { durationSeconds: 600, points: (env: ServerEnv) => env.RATE_LIMIT_SIGN_IN_PER_IP },
  /** Sign-in attempts for one email, known or not, so the answer never tells them apart. */
  signInPerAccount: { durationSeconds: 600, points: (env: ServerEnv) => env.RATE_LIMIT_SIGN_IN_PER_ACCOUNT },
  /** Checkouts started from one address per minute. */
  checkoutPerIp: { durationSeconds: 60, points: (env: ServerEnv) => env.RATE_LIMIT_CHECKOUT_PER_IP },
  /** Checkouts started for one customer email per 10 minutes. */
  checkoutPerEmail: { durationSeconds: 600, points: (env: ServerEnv) => env.RATE_LIMIT_CHECKOUT_PER_EMAIL },
  /** Back-office changes by one signed-in staff member per minute. */
  staffMutationsPerSession: {
    durationSeconds: 60,
    points: (env: ServerEnv) => env.RATE_LIMIT_STAFF_MUTATIONS_PER_SESSION,
  },
  /** Webhook deliveries from one source per 10 seconds: far above any Stripe burst, a cap on floods. */
  webhookPerSource: { durationSeconds: 10, points: (env: ServerEnv) => env.RATE_LIMIT_WEBHOOK_PER_SOURCE },
} as const;

export type RateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;

export type RateLimitDecision =
  | { allowed: true }
  /** `firstRefusal`: the first refused call in this window, the one worth an audit row. */
  | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

const limiters = new Map<string, { limiter: RateLimiterAbstract; ready: Promise<void> }>();

async function limiterFor(policy: RateLimitPolicy, env: ServerEnv) {
  const { durationSeconds, points: pointsOf } = RATE_LIMIT_POLICIES[policy];
  const shape: LimiterShape = { keyPrefix: policy, points: pointsOf(env), durationSeconds };
  const cacheKey = `${policy}:${shape.points}:${env.REDIS_URL ?? "memory"}`;
  let limiter = limiters.get(cacheKey);
  if (!limiter) {
    limiter = createLimiter(shape, env.REDIS_URL);
    limiters.set(cacheKey, limiter);
  }
  await limiter.ready;
  return { limiter: limiter.limiter, points: shape.points };
}

/** Counts one call against `policy` for `key` and says whether it may go ahead. */
export async function consumeRateLimit(
  policy: RateLimitPolicy,
  key: string,
  env: ServerEnv = serverEnv(),
): Promise<RateLimitDecision> {
  const { limiter, points } = await limiterFor(policy, env);
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      firstRefusal: rejection.consumedPoints === points + 1,
    };
  }
}

/** Forgets `key`'s count, e.g. an account's sign-in attempts once it signed in. */
export async function resetRateLimit(policy: RateLimitPolicy, key: string, env: ServerEnv = serverEnv()) {
  await (await limiterFor(policy, env)).limiter.delete(key);
}
