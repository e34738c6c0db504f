import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { allocate } from "./allocate-amount";

const weightsArb = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 })), {
  minLength: 1,
  maxLength: 12,
});

describe("allocate", () => {
  it("splits by the largest remainder", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [1500, 2500, 0])).toEqual([375, 625, 0]);
    expect(allocate(5, [1, 2])).toEqual([2, 3]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
  });

  it("keeps the sum, stays within one unit of the exact share, and gives zero weights nothing", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        weightsArb.filter((weights) => weights.some((weight) => weight > 0)),
        (amount, weights) => {
          const shares = allocate(amount, weights);
          const total = weights.reduce((sum, weight) => sum + weight, 0);
          expect(shares.reduce((sum, share) => sum + share, 0)).toBe(amount);
          shares.forEach((share, index) => {
            // |share - amount * w / W| <= 1, compared in integers: |share * W - amount * w| <= W.
            const distance = BigInt(share) * BigInt(total) - BigInt(amount) * BigInt(weights[index]!);
            expect(distance < 0n ? -distance : distance).toBeLessThanOrEqual(BigInt(total));
            if (weights[index] === 0) expect(share).toBe(0);
          });
        },
      ),
    );
  });

  it("is exact for amounts and weights beyond 2^53", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 24n }), { minLength: 1, maxLength: 8 }),
        (amount, weights) => {
          fc.pre(weights.some((weight) => weight > 0n));
          const shares = allocate(amount, weights);
          const total = weights.reduce((sum, weight) => sum + weight, 0n);
          expect(shares.reduce((sum, share) => sum + share, 0n)).toBe(amount);
          shares.forEach((share, index) => {
            const distance = share * total - amount * weights[index]!;
            expect(distance < 0n ? -distance : distance).toBeLessThanOrEqual(total);
          });
        },
      ),
    );
  });

  it("refuses what cannot be split", () => {
    expect(() => allocate(100, [])).toThrow(AppError);
    expect(() => allocate(100, [0, 0])).toThrow(AppError);
    expect(() => allocate(100, [1, -1])).toThrow(AppError);
    expect(() => allocate(100, [0.5, 1])).toThrow(AppError);
    expect(() => allocate(1.5, [1])).toThrow(AppError);
  });
});
