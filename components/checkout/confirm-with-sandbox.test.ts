import { describe, expect, it } from "vitest";
import { confirmWithSandbox, type SandboxConfirmation, sandboxConfirmBody } from "./confirm-with-sandbox";

const confirmation: SandboxConfirmation = {
  sandboxUrl: "http://127.0.0.1:12230",
  publishableKey: "pk_test_x",
  paymentIntentId: "pi_123",
  clientSecret: "pi_123_secret_abc",
  returnUrl: "http://localhost:3300/orders/tok",
  paymentMethod: { type: "card", number: "4242 4242 4242 4242", expMonth: 12, expYear: 2030, cvc: "123" },
  billing: { name: "Ada Lovelace", email: "ada@example.com" },
};

function respondingWith(status: number, body: unknown): typeof fetch {
  return (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;
}

describe("confirmWithSandbox", () => {
  it("sends the card as Stripe.js would, without spaces in the number", () => {
    const body = sandboxConfirmBody(confirmation);
    expect(body.get("payment_method_data[type]")).toBe("card");
    expect(body.get("payment_method_data[card][number]")).toBe("4242424242424242");
    expect(body.get("client_secret")).toBe("pi_123_secret_abc");
    expect(body.get("return_url")).toBe("http://localhost:3300/orders/tok");
  });

  it("sends an IBAN for SEPA Direct Debit", () => {
    const body = sandboxConfirmBody({
      ...confirmation,
      paymentMethod: { type: "sepa_debit", iban: "de89 3704 0044 0532 0130 00" },
    });
    expect(body.get("payment_method_data[sepa_debit][iban]")).toBe("DE89370400440532013000");
    expect(body.has("payment_method_data[card][number]")).toBe(false);
  });

  it("reads success, processing, 3-D Secure and declines from the PaymentIntent", async () => {
    expect(await confirmWithSandbox(confirmation, respondingWith(200, { status: "succeeded" }))).toEqual({
      kind: "finished",
      status: "succeeded",
    });
    expect(await confirmWithSandbox(confirmation, respondingWith(200, { status: "processing" }))).toEqual({
      kind: "finished",
      status: "processing",
    });
    const challenge = { status: "requires_action", next_action: { redirect_to_url: { url: "http://sb/3ds/pi_123" } } };
    expect(await confirmWithSandbox(confirmation, respondingWith(200, challenge))).toEqual({
      kind: "redirect",
      url: "http://sb/3ds/pi_123",
    });
    const declined = { status: "requires_payment_method", last_payment_error: { decline_code: "insufficient_funds" } };
    expect(await confirmWithSandbox(confirmation, respondingWith(200, declined))).toEqual({
      kind: "failed",
      error: { decline_code: "insufficient_funds" },
    });
  });

  it("turns an invalid card number into a sentence about the number", async () => {
    const invalid = { error: { type: "card_error", param: "payment_method_data[card][number]", message: "x" } };
    const outcome = await confirmWithSandbox(confirmation, respondingWith(402, invalid));
    expect(outcome).toEqual({ kind: "error", message: "The card number is incorrect. Check it and try again." });
  });
});
