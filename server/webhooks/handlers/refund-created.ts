import { prepareRefundChange, refundTargetOf } from "../apply-refund-change";
import type { StripeEventHandler } from "../stripe-event-handler";

/** refund.created: the refund and its charge, as Stripe reports them now, update the refund and the order. */
export const handleRefundCreated: StripeEventHandler = (event, { prisma, stripe }) =>
  prepareRefundChange(prisma, stripe, refundTargetOf(event));
