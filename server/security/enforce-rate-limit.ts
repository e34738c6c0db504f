import { AppError } from "../errors";
import { consumeRateLimit, type RateLimitDecision, type RateLimitPolicy } from "./rate-limits";
import { describeRetryAfter } from "./too-many-requests";

export type RateLimitRefusal = RateLimitDecision & { allowed: false };

/**
 * Counts the call against each policy in turn and throws a TOO_MANY_REQUESTS AppError (429 with
 * Retry-After, see the tRPC route) at the first one that refuses. `onRefused` runs first, e.g. to
 * audit a staff member's first refusal in the window.
 */
export async function enforceRateLimits(
  checks: [RateLimitPolicy, string][],
  onRefused?: (policy: RateLimitPolicy, refusal: RateLimitRefusal) => Promise<void>,
): Promise<void> {
  for (const [policy, key] of checks) {
    const decision = await consumeRateLimit(policy, key);
    if (decision.allowed) continue;
    await onRefused?.(policy, decision);
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `Too many requests: try again in ${describeRetryAfter(decision.retryAfterSeconds)}.`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
}

/** The Retry-After a failed call asks for, if it was refused by a rate limit. */
export function retryAfterOf(error: unknown): number | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  const seconds = cause instanceof AppError ? cause.details?.retryAfterSeconds : undefined;
  return typeof seconds === "number" ? seconds : undefined;
}
