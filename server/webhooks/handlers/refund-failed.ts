import { prepareRefundChange, refundTargetOf } from "../apply-refund-change";
import type { StripeEventHandler } from "../stripe-event-handler";

/** refund.failed: the refund and its charge, as Stripe reports them now, update the refund and the order. */
export const handleRefundFailed: StripeEventHandler = (event, { prisma, stripe }) =>
  prepareRefundChange(prisma, stripe, refundTargetOf(event));
