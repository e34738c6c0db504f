import type http from "node:http";
import type Stripe from "stripe";
import type { Sandbox } from "../core/sandbox";
import { StripeApiError } from "../http/errors";
import { parseForm } from "../http/form";
import { optionalString } from "../http/params";
import { type ResponseContext, redirect, sendHtml } from "../http/respond";
import { completeAuthentication } from "../resources/confirm-payment-intent";
import { challengePage, messagePage, returnLocation } from "./challenge-page";

/** GET shows the challenge, POST records the customer's choice and sends them back to return_url. */
export function handleChallenge(
  sb: Sandbox,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  body: string,
  responseCtx: ResponseContext,
): void {
  const id = url.pathname.split("/")[2] ?? "";
  const intent = sb.state.paymentIntents[id];
  const params = req.method === "POST" ? parseForm(body) : parseForm(url.search.slice(1));
  if (!intent || optionalString(params, "client_secret") !== intent.client_secret) {
    sendHtml(res, responseCtx, 404, messagePage("Payment not found", "This authentication link is not valid."));
    return;
  }
  const returnUrl =
    intent.next_action?.type === "redirect_to_url" ? (intent.next_action.redirect_to_url?.return_url ?? null) : null;
  if (req.method !== "POST") {
    if (intent.status !== "requires_action") {
      sendHtml(res, responseCtx, 409, messagePage("Nothing to authenticate", `This payment is ${intent.status}.`));
      return;
    }
    sendHtml(res, responseCtx, 200, challengePage(intent));
    return;
  }
  const succeeded = optionalString(params, "outcome") === "complete";
  let result: Stripe.PaymentIntent = intent;
  try {
    result = completeAuthentication(sb, intent, succeeded);
  } catch (error) {
    // A card that authenticates and is then declined still goes back to return_url, as failed.
    if (!(error instanceof StripeApiError)) throw error;
    if (error.status !== 402) {
      sendHtml(res, responseCtx, 409, messagePage("Nothing to authenticate", error.body.message));
      return;
    }
  }
  if (!returnUrl) {
    sendHtml(res, responseCtx, 200, messagePage("Authentication finished", `The payment is now ${result.status}.`));
    return;
  }
  redirect(res, responseCtx, returnLocation(returnUrl, result));
}
