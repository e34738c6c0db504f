import type { RefundReasonCode } from "@/server/refunds/refund-status";

/** The reason codes as support staff read them, in the order the form offers them. */
export const REFUND_REASON_LABELS: Record<RefundReasonCode, string> = {
  requested_by_customer: "Customer asked",
  damaged: "Arrived damaged",
  not_received: "Not received",
  duplicate: "Duplicate payment",
  fraudulent: "Fraudulent payment",
  goodwill: "Goodwill gesture",
  other: "Other",
};
