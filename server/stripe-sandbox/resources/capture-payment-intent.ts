import type Stripe from "stripe";
import type { Sandbox } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { invalidRequest, unexpectedState } from "../http/errors";
import type { Params } from "../http/form";
import { applyMetadata, optionalInteger } from "../http/params";
import { attachBalanceTransaction } from "./charge-payment";
import { retrieveCharge } from "./charges";

/** Captures an authorization, fully or partly; the uncaptured remainder is released to the customer. */
export function capturePaymentIntent(sb: Sandbox, intent: Stripe.PaymentIntent, params: Params) {
  if (intent.status !== "requires_capture") {
    throw unexpectedState(
      `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      intent as unknown as Record<string, unknown>,
    );
  }
  const amount = optionalInteger(params, "amount_to_capture", 1) ?? intent.amount_capturable;
  if (amount > intent.amount_capturable) {
    throw invalidRequest(
      `The amount to capture (${amount}) must be less than or equal to the amount capturable (${intent.amount_capturable}).`,
      { param: "amount_to_capture", code: "amount_too_large" },
    );
  }
  const charge = retrieveCharge(sb, intent.latest_charge as string);
  charge.captured = true;
  charge.amount_captured = amount;
  charge.amount_refunded = charge.amount - amount;
  attachBalanceTransaction(sb, charge, false);
  intent.metadata = applyMetadata(intent.metadata, params);
  intent.status = "succeeded";
  intent.amount_received = amount;
  intent.amount_capturable = 0;
  sb.touch();
  emitEvent(sb, "charge.captured", charge);
  emitEvent(sb, "payment_intent.succeeded", intent);
  return intent;
}
