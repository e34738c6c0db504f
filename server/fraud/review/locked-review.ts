/** What an analyst decides about a payment held for review. */
export type ReviewVerdict = "approve" | "reject";

/** A review as read under its order's lock, for settling it. */
export type LockedReview = {
  id: string;
  stripeReviewId: string | null;
  source: string;
  orderId: string;
  paymentIntentId: string;
  status: string;
  amountMinor: number;
  currency: string;
};
