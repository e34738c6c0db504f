import { describe, expect, it } from "vitest";
import { OrganisationLimiter } from "./connection-limiter";

describe("the organisation limiter", () => {
  it("never lets more than the limit start in any sliding window, nor more than the concurrent limit run", async () => {
    const limiter = new OrganisationLimiter({ perWindow: 6, windowMs: 300, concurrent: 2 });
    const starts: number[] = [];
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 16 }, () =>
        limiter.add(async () => {
          starts.push(Date.now());
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 20));
          running -= 1;
        }),
      ),
    );
    expect(most).toBeLessThanOrEqual(2);
    for (const start of starts) {
      expect(starts.filter((s) => s >= start && s < start + 300).length).toBeLessThanOrEqual(6);
    }
    // 16 calls at 5 per 550 ms (one spare, a quarter second of margin) need three full windows.
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(3 * 550 - 5);
  });
});
