import { describe, expect, it } from "vitest";
import { crashPlan, seededRandom } from "./crash-plan";

const size = { orders: 40, kills: 5, loadMs: 120_000, postgresRestart: true, sandboxOutageMs: 30_000 };

describe("a crash run's plan", () => {
  it("is the same for the same seed, faults included, and differs for another seed", () => {
    expect(crashPlan(1234, size)).toEqual(crashPlan(1234, size));
    const other = crashPlan(1235, size);
    expect(other.sandboxFaultSeed).not.toBe(crashPlan(1234, size).sandboxFaultSeed);
    expect(other.killsAtMs).not.toEqual(crashPlan(1234, size).killsAtMs);
  });

  it("kills the asked number of times inside the load, in order and far enough apart to restart", () => {
    for (const seed of [1, 2, 3, 99, 2 ** 31]) {
      const plan = crashPlan(seed, size);
      expect(plan.killsAtMs).toHaveLength(5);
      for (const [index, at] of plan.killsAtMs.entries()) {
        expect(at).toBeGreaterThan(0);
        expect(at).toBeLessThanOrEqual(size.loadMs);
        if (index > 0) expect(at - plan.killsAtMs[index - 1]!).toBeGreaterThanOrEqual(8_000);
      }
      expect(plan.postgresRestartAtMs).toBeGreaterThan(0);
      expect(plan.sandboxOutageAtMs! + size.sandboxOutageMs).toBeLessThanOrEqual(size.loadMs);
      expect(plan.checkouts).toHaveLength(40);
    }
  });

  it("draws numbers in [0, 1) in a fixed sequence per seed", () => {
    const first = seededRandom(7);
    const second = seededRandom(7);
    const drawn = Array.from({ length: 1000 }, () => first());
    expect(drawn).toEqual(Array.from({ length: 1000 }, () => second()));
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...drawn)).toBeLessThan(1);
  });
});
