import PQueue from "p-queue";

/** A vendor's documented limits for one organisation. */
export type RateLimits = { perWindow: number; windowMs: number; concurrent: number };

export const QUICKBOOKS_LIMITS: RateLimits = { perWindow: 500, windowMs: 60_000, concurrent: 10 };
export const XERO_LIMITS: RateLimits = { perWindow: 60, windowMs: 60_000, concurrent: 5 };

/** Kept in hand against the vendor's count: one call, and a quarter second for arrival jitter. */
const SPARE_CALLS = 1;
const SPARE_MS = 250;

/**
 * Every call to one organisation in this process goes through one of these: p-queue (a
 * maintained queue) holds at most `concurrent` calls at once, and each call waits inside its slot
 * until the last `windowMs` hold fewer than the limit's starts. A sliding window, as the vendors
 * count, rather than p-queue's fixed intervals, whose boundaries let two intervals' worth of calls
 * through within one minute.
 */
export class OrganisationLimiter {
  private readonly queue: PQueue;
  private readonly starts: number[] = [];
  private readonly cap: number;
  private readonly windowMs: number;

  constructor(limits: RateLimits) {
    this.queue = new PQueue({ concurrency: limits.concurrent });
    this.cap = Math.max(1, limits.perWindow - SPARE_CALLS);
    this.windowMs = limits.windowMs + SPARE_MS;
  }

  add<T>(call: () => Promise<T>): Promise<T> {
    return this.queue.add(async () => {
      await this.slot();
      return call();
    }) as Promise<T>;
  }

  private async slot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift();
      if (this.starts.length < this.cap) {
        this.starts.push(now);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.starts[0]! + this.windowMs - now + 1));
    }
  }
}

const limiters = new Map<string, OrganisationLimiter>();

/** The one limiter of an organisation (per vendor and id) in this process. */
export function connectionLimiter(key: string, limits: RateLimits): OrganisationLimiter {
  const id = `${key}:${limits.perWindow}/${limits.windowMs}/${limits.concurrent}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new OrganisationLimiter(limits);
    limiters.set(id, limiter);
  }
  return limiter;
}
