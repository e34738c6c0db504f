import { render } from "@react-email/render";
import type { ReactElement } from "react";
import type { MailOrder } from "./load-mail-order";
import { OrderConfirmationMail } from "./templates/order-confirmation-mail";
import { PaymentFailedMail } from "./templates/payment-failed-mail";
import { RefundNoticeMail } from "./templates/refund-notice-mail";

export type RenderedMail = { to: string; subject: string; html: string; text: string };

async function rendered(to: string, subject: string, element: ReactElement): Promise<RenderedMail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { to, subject, html, text };
}

export function renderOrderConfirmation(order: MailOrder): Promise<RenderedMail> {
  return rendered(order.to, `Your order ${order.orderNumber} is confirmed`, <OrderConfirmationMail order={order} />);
}

export function renderRefundNotice(
  order: MailOrder,
  refund: { amount: string; refundedInAll: string; inFull: boolean },
): Promise<RenderedMail> {
  return rendered(
    order.to,
    `A refund of ${refund.amount} for order ${order.orderNumber}`,
    <RefundNoticeMail
      order={order}
      refund={refund.amount}
      refundedInAll={refund.refundedInAll}
      inFull={refund.inFull}
    />,
  );
}

export function renderPaymentFailed(order: MailOrder, reason: string | null): Promise<RenderedMail> {
  return rendered(
    order.to,
    `Your payment for order ${order.orderNumber} did not go through`,
    <PaymentFailedMail order={order} reason={reason} />,
  );
}
