/** A vendor's documented limits for one organisation, with the window they count in. */
export type VendorLimits = { perWindow: number; windowMs: number; concurrent: number; perDay?: number; dayMs?: number };

/**
 * Counts what a client does to one organisation the way the vendor does (requests in the last
 * window, requests in progress, requests today) and keeps every breach, so a test fails when the
 * client went over a limit, not just when it was answered 429.
 */
export class VendorLimitsMeter {
  private readonly started: number[] = [];
  private inFlight = 0;
  private dayCount = 0;
  private dayStarted = Date.now();
  readonly breaches: string[] = [];
  maxInFlight = 0;
  maxInWindow = 0;
  total = 0;

  constructor(private readonly limits: VendorLimits) {}

  /** Called as a request arrives; returns the limit it breaks, if any (the request then gets a 429). */
  enter(): "minute" | "concurrent" | "day" | null {
    const now = Date.now();
    while (this.started.length > 0 && this.started[0]! <= now - this.limits.windowMs) this.started.shift();
    if (this.limits.dayMs && now - this.dayStarted >= this.limits.dayMs) {
      this.dayStarted = now;
      this.dayCount = 0;
    }
    this.started.push(now);
    this.inFlight += 1;
    this.dayCount += 1;
    this.total += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.maxInWindow = Math.max(this.maxInWindow, this.started.length);
    const broken =
      this.inFlight > this.limits.concurrent
        ? "concurrent"
        : this.started.length > this.limits.perWindow
          ? "minute"
          : this.limits.perDay !== undefined && this.dayCount > this.limits.perDay
            ? "day"
            : null;
    if (broken) {
      this.breaches.push(
        `${broken} limit broken at request ${this.total}: ${this.inFlight} in progress, ${this.started.length} in the window, ${this.dayCount} today`,
      );
    }
    return broken;
  }

  leave(): void {
    this.inFlight -= 1;
  }

  remaining(): { window: number; day: number | null } {
    return {
      window: Math.max(0, this.limits.perWindow - this.started.length),
      day: this.limits.perDay === undefined ? null : Math.max(0, this.limits.perDay - this.dayCount),
    };
  }
}
