import { outcomeFromPaymentIntent, type PaymentOutcome } from "./payment-outcome";

export type SandboxPaymentMethod =
  | { type: "card"; number: string; expMonth: number; expYear: number; cvc: string }
  | { type: "sepa_debit"; iban: string };

export type SandboxConfirmation = {
  sandboxUrl: string;
  publishableKey: string;
  paymentIntentId: string;
  clientSecret: string;
  returnUrl: string;
  paymentMethod: SandboxPaymentMethod;
  billing: { name: string; email: string };
};

/** The form body Stripe.js would send: card details go from the browser to Stripe, never to PayOps. */
export function sandboxConfirmBody(confirmation: SandboxConfirmation): URLSearchParams {
  const body = new URLSearchParams();
  body.set("client_secret", confirmation.clientSecret);
  body.set("return_url", confirmation.returnUrl);
  const method = confirmation.paymentMethod;
  body.set("payment_method_data[type]", method.type);
  body.set("payment_method_data[billing_details][name]", confirmation.billing.name);
  body.set("payment_method_data[billing_details][email]", confirmation.billing.email);
  if (method.type === "card") {
    body.set("payment_method_data[card][number]", method.number.replace(/\s+/g, ""));
    body.set("payment_method_data[card][exp_month]", String(method.expMonth));
    body.set("payment_method_data[card][exp_year]", String(method.expYear));
    body.set("payment_method_data[card][cvc]", method.cvc);
  } else {
    body.set("payment_method_data[sepa_debit][iban]", method.iban.replace(/\s+/g, "").toUpperCase());
  }
  return body;
}

/** Confirms a PaymentIntent directly against the sandbox, as Stripe.js confirms against Stripe. */
export async function confirmWithSandbox(
  confirmation: SandboxConfirmation,
  fetchImpl: typeof fetch = fetch,
): Promise<PaymentOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(
      `${confirmation.sandboxUrl}/v1/payment_intents/${encodeURIComponent(confirmation.paymentIntentId)}/confirm`,
      {
        method: "POST",
        headers: {
          Authorization: `Bearer ${confirmation.publishableKey}`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: sandboxConfirmBody(confirmation),
      },
    );
  } catch {
    return { kind: "error", message: "We couldn't reach the payment service. Check your connection and try again." };
  }
  const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok || !payload) {
    const error = payload?.error as { message?: string; param?: string } | undefined;
    return { kind: "error", message: describeConfirmError(error) };
  }
  return outcomeFromPaymentIntent(payload);
}

function describeConfirmError(error: { message?: string; param?: string } | undefined): string {
  const param = error?.param ?? "";
  if (param.includes("number")) return "The card number is incorrect. Check it and try again.";
  if (param.includes("exp_")) return "The expiry date is not valid. Check it and try again.";
  if (param.includes("cvc")) return "The security code (CVC) is not valid. Check it and try again.";
  if (param.includes("iban")) return "The IBAN is not valid. Check it and try again.";
  return "The payment could not be completed. Please try again.";
}
