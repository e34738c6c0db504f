import { describe, expect, it } from "vitest";
import type { FraudCheckInput, FraudHook } from "./fraud-hook";
import { runFraudPreCheck } from "./run-fraud-pre-check";

const input: FraudCheckInput = {
  email: "ada@example.com",
  currency: "USD",
  totalMinor: 4200,
  itemCount: 2,
  shippingCountry: "GB",
  ipAddress: null,
};

const answering = (name: string, outcome: "allow" | "review" | "block"): FraudHook => ({
  name,
  decide: () => ({ outcome, reasons: outcome === "allow" ? [] : [`said ${outcome}`] }),
});

describe("runFraudPreCheck", () => {
  it("allows by default", async () => {
    expect(await runFraudPreCheck(input)).toMatchObject({ outcome: "allow", reasons: [] });
  });

  it("keeps the most severe answer and the reasons behind it", async () => {
    const decision = await runFraudPreCheck(input, [
      answering("a", "review"),
      answering("b", "block"),
      answering("c", "allow"),
    ]);
    expect(decision).toMatchObject({ outcome: "block", reasons: ["b: said block"] });
    expect(decision.verdicts.map((verdict) => [verdict.hook, verdict.outcome])).toEqual([
      ["a", "review"],
      ["b", "block"],
      ["c", "allow"],
    ]);
  });

  it("sends an order to review when a hook fails", async () => {
    const broken: FraudHook = {
      name: "velocity",
      decide: () => {
        throw new Error("store unavailable");
      },
    };
    const decision = await runFraudPreCheck(input, [answering("a", "allow"), broken]);
    expect(decision).toMatchObject({ outcome: "review", reasons: ["velocity: the check failed"] });
    expect(decision.verdicts[1]).toMatchObject({ hook: "velocity", outcome: "review", error: "store unavailable" });
  });

  it("passes the order's facts to each hook", async () => {
    const seen: FraudCheckInput[] = [];
    await runFraudPreCheck(input, [
      {
        name: "spy",
        decide: (facts) => {
          seen.push(facts);
          return { outcome: "allow", reasons: [] };
        },
      },
    ]);
    expect(seen).toEqual([input]);
  });
});
