import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { challengePage, messagePage } from "./challenge-page";

const intent = (amount: number, currency: string) =>
  ({ id: "pi_test", amount, currency, client_secret: "pi_test_secret_x" }) as Stripe.PaymentIntent;

describe("the sandbox's 3-D Secure page", () => {
  it("shows the amount in the currency's own minor units", () => {
    expect(challengePage(intent(5000, "jpy"))).toContain("<strong>¥5,000</strong>");
    expect(challengePage(intent(1234, "usd"))).toContain("<strong>$12.34</strong>");
    expect(challengePage(intent(1250, "kwd"))).toContain("1.250");
  });

  it("declares an empty favicon so no page asks the sandbox for /favicon.ico", () => {
    expect(challengePage(intent(100, "eur"))).toContain('<link rel="icon" href="data:,">');
    expect(messagePage("Done", "Payment authenticated")).toContain('<link rel="icon" href="data:,">');
  });
});
