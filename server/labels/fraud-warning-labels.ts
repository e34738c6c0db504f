import { labelFrom } from "./in-words";

/** What the card network says happened (Stripe's early fraud warning `fraud_type`). */
export const FRAUD_TYPE_LABELS: Record<string, string> = {
  card_never_received: "Card never received",
  fraudulent_card_application: "Card applied for fraudulently",
  made_with_counterfeit_card: "Made with a counterfeit card",
  made_with_lost_card: "Made with a lost card",
  made_with_stolen_card: "Made with a stolen card",
  misc: "Other fraud",
  unauthorized_use_of_card: "Card used without permission",
};

/** What the early fraud warning policy did. */
export const WARNING_POLICY_LABELS: Record<string, string> = {
  refunded: "PayOps refunded the payment automatically (below the policy's amount).",
  queued: "The order waits in the review queue: keep the payment or refund it.",
  none: "Nothing to do: the charge was already refunded or disputed.",
};

export const fraudTypeLabel = (type: string) => labelFrom(FRAUD_TYPE_LABELS, type);
export const warningPolicyLabel = (action: string) => labelFrom(WARNING_POLICY_LABELS, action);
