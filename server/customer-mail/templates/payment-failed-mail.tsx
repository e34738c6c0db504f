import { Text } from "@react-email/components";
import type { MailOrder } from "../load-mail-order";
import { MailLayout } from "./mail-layout";

/** Sent when a payment attempt is declined: nothing was charged, and how to try again. */
export function PaymentFailedMail({ order, reason }: { order: MailOrder; reason: string | null }) {
  return (
    <MailLayout
      preview={`Your payment of ${order.total} did not go through`}
      heading="Your payment did not go through"
      orderUrl={order.orderUrl}
    >
      <Text>
        We could not take {order.total} for order {order.orderNumber}
        {reason ? `: ${reason}` : "."} Nothing was charged.
      </Text>
      <Text>You can try again with another card from your order page.</Text>
    </MailLayout>
  );
}
