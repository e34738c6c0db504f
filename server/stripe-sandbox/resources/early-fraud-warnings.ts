import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { resourceMissing } from "../http/errors";

export const EARLY_FRAUD_WARNING_TYPES = [
  "card_never_received",
  "fraudulent_card_application",
  "made_with_counterfeit_card",
  "made_with_lost_card",
  "made_with_stolen_card",
  "misc",
  "unauthorized_use_of_card",
] as const;

/**
 * The card network reported the charge as fraud (Stripe's early fraud warning, raised here by a
 * control call): a `radar.early_fraud_warning` object, listable and retrievable as at Stripe,
 * and its `radar.early_fraud_warning.created` event. Actionable while the charge is neither
 * refunded nor disputed.
 */
export function raiseEarlyFraudWarning(
  sb: Sandbox,
  charge: Stripe.Charge,
  fraudType: Stripe.Radar.EarlyFraudWarning["fraud_type"],
): Stripe.Radar.EarlyFraudWarning {
  const disputed = Object.values(sb.state.disputes).some((dispute) => dispute.charge === charge.id);
  const warning: Stripe.Radar.EarlyFraudWarning = {
    id: newId("issfr"),
    object: "radar.early_fraud_warning",
    actionable: !charge.refunded && !disputed,
    charge: charge.id,
    created: sb.now(),
    fraud_type: fraudType,
    livemode: false,
    payment_intent: typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id,
  };
  sb.state.earlyFraudWarnings[warning.id] = warning;
  sb.touch();
  emitEvent(sb, "radar.early_fraud_warning.created", warning);
  return warning;
}

export function retrieveEarlyFraudWarning(sb: Sandbox, id: string): Stripe.Radar.EarlyFraudWarning {
  const warning = sb.state.earlyFraudWarnings[id];
  if (!warning) throw resourceMissing("radar.early_fraud_warning", id);
  return warning;
}
