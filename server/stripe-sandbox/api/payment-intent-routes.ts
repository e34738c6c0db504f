import type Stripe from "stripe";
import { invalidRequest, StripeApiError } from "../http/errors";
import { optionalBoolean, optionalString } from "../http/params";
import { capturePaymentIntent } from "../resources/capture-payment-intent";
import { confirmPaymentIntent } from "../resources/confirm-payment-intent";
import {
  cancelPaymentIntent,
  createPaymentIntent,
  retrievePaymentIntent,
  updatePaymentIntent,
} from "../resources/payment-intents";
import { resolvePaymentMethod } from "../resources/payment-methods";
import { paginate } from "./list";
import { type Route, type RouteContext, route } from "./route";

function intentFor(ctx: RouteContext): Stripe.PaymentIntent {
  const intent = retrievePaymentIntent(ctx.sb, ctx.path[0]!);
  if (ctx.publishable && optionalString(ctx.params, "client_secret") !== intent.client_secret) {
    throw invalidRequest(
      "The client_secret provided does not match the client_secret associated with the PaymentIntent.",
      { param: "client_secret" },
    );
  }
  return intent;
}

function confirm(ctx: RouteContext, intent: Stripe.PaymentIntent, params = ctx.params) {
  try {
    return confirmPaymentIntent(ctx.sb, intent, params, ctx.baseUrl);
  } catch (error) {
    // The card form reads the outcome from the PaymentIntent itself (last_payment_error), as Stripe.js does.
    if (ctx.publishable && error instanceof StripeApiError && error.status === 402 && error.body.payment_intent) {
      return intent;
    }
    throw error;
  }
}

export const paymentIntentRoutes: Route[] = [
  route("POST", "/v1/payment_intents", (ctx) => {
    // An unknown payment method fails the request before any PaymentIntent exists, as on Stripe.
    const paymentMethodId = optionalString(ctx.params, "payment_method");
    const method = paymentMethodId ? resolvePaymentMethod(ctx.sb, paymentMethodId) : undefined;
    const confirmNow = optionalBoolean(ctx.params, "confirm");
    const intent = createPaymentIntent(ctx.sb, ctx.params, method?.id);
    if (confirmNow) return confirm(ctx, intent, method ? { ...ctx.params, payment_method: method.id } : ctx.params);
    return intent;
  }),
  route("GET", "/v1/payment_intents", (ctx) => {
    const customer = optionalString(ctx.params, "customer");
    return paginate(
      Object.values(ctx.sb.state.paymentIntents),
      ctx.params,
      "/v1/payment_intents",
      (intent) => !customer || intent.customer === customer,
    );
  }),
  route("GET", "/v1/payment_intents/:id", intentFor, true),
  route("POST", "/v1/payment_intents/:id", (ctx) => updatePaymentIntent(ctx.sb, intentFor(ctx), ctx.params)),
  route("POST", "/v1/payment_intents/:id/confirm", (ctx) => confirm(ctx, intentFor(ctx)), true),
  route("POST", "/v1/payment_intents/:id/capture", (ctx) => capturePaymentIntent(ctx.sb, intentFor(ctx), ctx.params)),
  route("POST", "/v1/payment_intents/:id/cancel", (ctx) => cancelPaymentIntent(ctx.sb, intentFor(ctx), ctx.params)),
];
