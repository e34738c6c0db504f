import { describe, expect, it } from "vitest";
import { stripeEndpoint, stripeOutcome } from "./stripe-endpoint";

describe("stripeEndpoint", () => {
  it.each([
    ["/v1/payment_intents", "/v1/payment_intents"],
    ["/v1/payment_intents/pi_3PqAbC12xyz/confirm", "/v1/payment_intents/:id/confirm"],
    ["/v1/refunds/re_1Nx9ZZaa?expand[]=balance_transaction", "/v1/refunds/:id"],
    ["/v1/test_helpers/test_clocks", "/v1/test_helpers/test_clocks"],
    ["/v1/balance_transactions/txn_0001abcd", "/v1/balance_transactions/:id"],
    ["/v1/disputes/du_sandbox_000017/close", "/v1/disputes/:id/close"],
  ])("labels %s as %s", (path, expected) => {
    expect(stripeEndpoint(path)).toBe(expected);
  });
});

describe("stripeOutcome", () => {
  it.each([
    [200, "ok"],
    [402, "card_error"],
    [400, "client_error"],
    [429, "rate_limited"],
    [503, "server_error"],
    [null, "network_error"],
  ] as const)("calls %s %s", (status, expected) => {
    expect(stripeOutcome(status)).toBe(expected);
  });
});
