import PQueue from "p-queue";

/** A vendor's documented limits for one organisation. */
export type RateLimits = { perWindow: number; windowMs: number; concurrent: number };

export const QUICKBOOKS_LIMITS: RateLimits = { perWindow: 500, windowMs: 60_000, concurrent: 10 };
export const XERO_LIMITS: RateLimits = { perWindow: 60, windowMs: 60_000, concurrent: 5 };

const limiters = new Map<string, PQueue>();

/**
 * The one queue every call to one organisation goes through in this process: at most `concurrent`
 * at once, and starts spaced evenly so that no window of `windowMs` ever holds more than
 * `perWindow` (p-queue counts starts per fixed interval, so spacing by one less than the limit
 * keeps any sliding window within it). Retries and look-ups queue like any other call.
 */
export function connectionLimiter(key: string, limits: RateLimits): PQueue {
  const id = `${key}:${limits.perWindow}/${limits.windowMs}/${limits.concurrent}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new PQueue({
      concurrency: limits.concurrent,
      intervalCap: 1,
      interval: Math.ceil(limits.windowMs / Math.max(1, limits.perWindow - 1)),
    });
    limiters.set(id, limiter);
  }
  return limiter;
}
