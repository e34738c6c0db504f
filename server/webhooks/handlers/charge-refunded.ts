import { prepareRefundChange, refundTargetOf } from "../apply-refund-change";
import type { StripeEventHandler } from "../stripe-event-handler";

/** charge.refunded: the refund and its charge, as Stripe reports them now, update the refund and the order. */
export const handleChargeRefunded: StripeEventHandler = (event, { prisma, stripe }) =>
  prepareRefundChange(prisma, stripe, refundTargetOf(event));
