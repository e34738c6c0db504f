import type { PaymentErrorFacts } from "@/server/checkout/describe-payment-error";

/**
 * What the browser learnt from confirming a payment, whichever form confirmed it. Card details
 * never appear here: only the PaymentIntent's status and where to go next.
 */
export type PaymentOutcome =
  | { kind: "finished"; status: "succeeded" | "processing" | "requires_capture" }
  | { kind: "redirect"; url: string }
  /** The bank said no; `error` is the confirm response's reason, when it gave one. */
  | { kind: "failed"; error?: PaymentErrorFacts | null }
  | { kind: "error"; message: string };

type PaymentIntentLike = {
  status?: string;
  last_payment_error?: PaymentErrorFacts | null;
  next_action?: { type?: string; redirect_to_url?: { url?: string | null } | null } | null;
};

/** Reads the confirm response the way Stripe.js would act on it. */
export function outcomeFromPaymentIntent(intent: PaymentIntentLike): PaymentOutcome {
  switch (intent.status) {
    case "succeeded":
    case "processing":
    case "requires_capture":
      return { kind: "finished", status: intent.status };
    case "requires_action": {
      const url = intent.next_action?.redirect_to_url?.url;
      return url
        ? { kind: "redirect", url }
        : { kind: "error", message: "Your bank asked for a check this page cannot show. Try another card." };
    }
    case "requires_payment_method":
      return { kind: "failed", error: intent.last_payment_error ?? null };
    default:
      return { kind: "error", message: "The payment could not be completed. Please try again." };
  }
}
