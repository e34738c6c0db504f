/**
 * The outbox idempotency key of each customer mail: one per fact the customer hears about, so a
 * replayed event, a sweep and the return page all write the same row and the mail goes once.
 */
export const customerMailKeys = {
  orderConfirmation: (orderId: string) => `mail.order.confirmation:${orderId}`,
  refundNotice: (refundId: string) => `mail.refund.notice:${refundId}`,
  /** One per failed attempt: each declined charge is its own attempt. */
  paymentFailed: (paymentIntentId: string, attempt: string) => `mail.payment.failed:${paymentIntentId}:${attempt}`,
};
