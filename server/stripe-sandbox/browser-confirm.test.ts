import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";

const APP = "http://localhost:3000";

interface ConfirmAnswer {
  status: string;
  payment_method: string;
  last_payment_error: { decline_code: string };
  next_action: { redirect_to_url: { url: string } };
  error: { code: string };
}

describe("browser confirm with a publishable key", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ allowedOrigins: [APP] });
  });
  afterAll(() => h.stop());

  async function browserConfirm(intentId: string, fields: Record<string, string>, origin = APP) {
    const response = await fetch(`${h.sandbox.url}/v1/payment_intents/${intentId}/confirm`, {
      method: "POST",
      headers: {
        authorization: "Bearer pk_test_checkout",
        "content-type": "application/x-www-form-urlencoded",
        origin,
      },
      body: new URLSearchParams(fields),
    });
    return { response, body: (await response.json()) as ConfirmAnswer };
  }

  const card = (intent: { client_secret: string | null }, number: string) => ({
    client_secret: intent.client_secret!,
    "payment_method_data[type]": "card",
    "payment_method_data[card][number]": number,
    "payment_method_data[card][exp_month]": "12",
    "payment_method_data[card][exp_year]": "2030",
    "payment_method_data[card][cvc]": "123",
    return_url: `${APP}/checkout/return`,
  });

  it("answers the preflight for the app's origin only", async () => {
    const ok = await fetch(`${h.sandbox.url}/v1/payment_intents/pi_x/confirm`, {
      method: "OPTIONS",
      headers: { origin: APP, "access-control-request-method": "POST" },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(APP);
    const other = await fetch(`${h.sandbox.url}/v1/payment_intents/pi_x/confirm`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example" },
    });
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("confirms with 4242… and shows only the last four digits", async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 2500, currency: "usd" });
    const { response, body } = await browserConfirm(intent.id, card(intent, "4242424242424242"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP);
    expect(body.status).toBe("succeeded");
    const method = await h.stripe.paymentMethods.retrieve(body.payment_method);
    expect(method.card?.last4).toBe("4242");
    expect(JSON.stringify(h.sandbox.runtime.sb.state)).not.toContain("4242424242424242");
  });

  it("returns the declined intent with last_payment_error for 4000 0000 0000 9995", async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 2500, currency: "usd" });
    const { response, body } = await browserConfirm(intent.id, card(intent, "4000000000009995"));
    expect(response.status).toBe(200);
    expect(body.status).toBe("requires_payment_method");
    expect(body.last_payment_error.decline_code).toBe("insufficient_funds");
  });

  it("rejects a wrong client_secret, a bad card number and other routes", async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 2500, currency: "usd" });
    const wrong = await browserConfirm(intent.id, { ...card(intent, "4242424242424242"), client_secret: "nope" });
    expect(wrong.response.status).toBe(400);
    const luhn = await browserConfirm(intent.id, card(intent, "4242424242424241"));
    expect(luhn.response.status).toBe(402);
    expect(luhn.body.error.code).toBe("incorrect_number");
    const list = await fetch(`${h.sandbox.url}/v1/payment_intents`, {
      headers: { authorization: "Bearer pk_test_checkout" },
    });
    expect(list.status).toBe(401);
    const retrieve = await fetch(
      `${h.sandbox.url}/v1/payment_intents/${intent.id}?client_secret=${intent.client_secret}`,
      {
        headers: { authorization: "Bearer pk_test_checkout" },
      },
    );
    expect(retrieve.status).toBe(200);
  });

  it("runs 3-D Secure through the challenge page back to return_url", async () => {
    for (const [button, expected] of [
      ["complete", "succeeded"],
      ["fail", "failed"],
    ] as const) {
      const intent = await h.stripe.paymentIntents.create({ amount: 4000, currency: "usd" });
      const { body } = await browserConfirm(intent.id, card(intent, "4000002500003155"));
      expect(body.status).toBe("requires_action");
      const challenge = body.next_action.redirect_to_url.url as string;
      const page = await fetch(challenge);
      const html = await page.text();
      expect(html).toContain('<button type="submit">Complete authentication</button>');
      expect(html).toContain('<button type="submit">Fail authentication</button>');
      const answer = await fetch(new URL(`/3ds/${intent.id}`, challenge), {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ client_secret: intent.client_secret!, outcome: button }),
      });
      expect(answer.status).toBe(303);
      const location = new URL(answer.headers.get("location")!);
      expect(location.origin + location.pathname).toBe(`${APP}/checkout/return`);
      expect(location.searchParams.get("payment_intent")).toBe(intent.id);
      expect(location.searchParams.get("payment_intent_client_secret")).toBe(intent.client_secret);
      expect(location.searchParams.get("redirect_status")).toBe(expected);
      const after = await h.stripe.paymentIntents.retrieve(intent.id);
      expect(after.status).toBe(expected === "succeeded" ? "succeeded" : "requires_payment_method");
    }
  });

  it("confirms SEPA debit into processing", async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 1000, currency: "eur" });
    const { body } = await browserConfirm(intent.id, {
      client_secret: intent.client_secret!,
      "payment_method_data[type]": "sepa_debit",
      "payment_method_data[sepa_debit][iban]": "DE89370400440532013000",
      "payment_method_data[billing_details][name]": "Jenny Rosen",
      "payment_method_data[billing_details][email]": "jenny@example.com",
    });
    expect(body.status).toBe("processing");
  });
});
