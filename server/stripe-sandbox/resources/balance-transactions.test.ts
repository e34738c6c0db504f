import { describe, expect, it } from "vitest";
import { defaultConfig } from "../core/config";
import { availableOnAfterDays, cardFee } from "./balance-transactions";

describe("cardFee", () => {
  it("matches fees Stripe charged at 2.9% + 30", () => {
    const { pricing } = defaultConfig();
    expect([100, 2000, 3340, 65400].map((amount) => cardFee(pricing, amount))).toEqual([33, 88, 127, 1927]);
  });

  it("rounds half up and follows a configured price", () => {
    expect(cardFee({ ...defaultConfig().pricing, cardPercentBps: 150, cardFixed: 25 }, 100)).toBe(27);
    expect(cardFee({ ...defaultConfig().pricing, cardPercentBps: 250, cardFixed: 0 }, 20)).toBe(1);
  });
});

describe("availableOnAfterDays", () => {
  it("is midnight UTC so many days later", () => {
    const created = Date.UTC(2026, 10, 28, 15, 30) / 1000;
    expect(availableOnAfterDays(created, 2)).toBe(Date.UTC(2026, 10, 30) / 1000);
  });
});
