import { Text } from "@react-email/components";
import type { MailOrder } from "../load-mail-order";
import { MailLayout } from "./mail-layout";

/** Sent when a refund has succeeded at Stripe: how much, of what, and when the customer sees it. */
export function RefundNoticeMail({
  order,
  refund,
  refundedInAll,
  inFull,
}: {
  order: MailOrder;
  refund: string;
  refundedInAll: string;
  inFull: boolean;
}) {
  return (
    <MailLayout
      preview={`A refund of ${refund} is on its way`}
      heading={`We have refunded ${refund}`}
      orderUrl={order.orderUrl}
    >
      <Text>
        {inFull
          ? `Your order ${order.orderNumber} is refunded in full: ${refundedInAll}.`
          : `We refunded ${refund} of your order ${order.orderNumber} (${order.total}); ${refundedInAll} refunded in all.`}
      </Text>
      <Text>
        It goes back to {order.paidWith ?? "the card you paid with"} and reaches it within 5–10 business days.
      </Text>
    </MailLayout>
  );
}
