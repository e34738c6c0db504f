import type Stripe from "stripe";
import { formatMoney } from "../../money/format-money";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Integer minor units through the currency's own exponent: ¥5,000 stays ¥5,000, not 50.00 JPY. */
function formatAmount(intent: Stripe.PaymentIntent): string {
  return formatMoney(intent.amount, intent.currency);
}

// The sandbox serves no favicon: an empty inline one keeps browsers from asking for /favicon.ico.
const NO_FAVICON = '<link rel="icon" href="data:,">';

/** Stripe's 3-D Secure test page, server-rendered: two labelled buttons, no script. */
export function challengePage(intent: Stripe.PaymentIntent): string {
  const secret = escapeHtml(intent.client_secret ?? "");
  const action = `/3ds/${escapeHtml(intent.id)}`;
  const button = (outcome: string, label: string) => `
      <form method="post" action="${action}">
        <input type="hidden" name="client_secret" value="${secret}">
        <input type="hidden" name="outcome" value="${outcome}">
        <button type="submit">${label}</button>
      </form>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    ${NO_FAVICON}
    <title>3D Secure authentication (sandbox)</title>
    <style>
      body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #1a1a1a; }
      form { display: inline-block; margin-right: 1rem; }
      button { font-size: 1rem; padding: 0.6rem 1.2rem; border-radius: 6px; border: 1px solid #444; cursor: pointer; }
      button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
    </style>
  </head>
  <body>
    <main>
      <h1>3D Secure test payment</h1>
      <p>This is the Stripe sandbox's authentication page. Your bank would ask you to confirm this payment of
        <strong>${escapeHtml(formatAmount(intent))}</strong>.</p>
      <div role="group" aria-label="Authentication outcome">${button("complete", "Complete authentication")}${button("fail", "Fail authentication")}
      </div>
    </main>
  </body>
</html>`;
}

export function messagePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${NO_FAVICON}<title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}

/** Back to the merchant's return_url with the query Stripe adds. */
export function returnLocation(returnUrl: string, intent: Stripe.PaymentIntent): string {
  const url = new URL(returnUrl);
  url.searchParams.set("payment_intent", intent.id);
  url.searchParams.set("payment_intent_client_secret", intent.client_secret ?? "");
  url.searchParams.set(
    "redirect_status",
    intent.status === "succeeded" || intent.status === "requires_capture" || intent.status === "processing"
      ? "succeeded"
      : "failed",
  );
  return url.toString();
}
