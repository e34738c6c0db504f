import { Text } from "@react-email/components";
import type { MailOrder } from "../load-mail-order";
import { MailLayout } from "./mail-layout";
import { OrderLines } from "./order-lines";

/** Sent once an order is paid: the receipt a customer keeps. */
export function OrderConfirmationMail({ order }: { order: MailOrder }) {
  return (
    <MailLayout
      preview={`We have your order ${order.orderNumber}: ${order.total}`}
      heading={`Thank you${order.customerName ? `, ${order.customerName}` : ""}: your order is confirmed`}
      orderUrl={order.orderUrl}
    >
      <Text>
        Order {order.orderNumber}, placed {order.placedOn}.{order.paidWith ? ` Paid with ${order.paidWith}.` : ""}
      </Text>
      <OrderLines order={order} />
      {order.shippingAddress.length > 0 ? (
        <Text style={{ whiteSpace: "pre-line" }}>
          {"Shipping to:\n"}
          {order.shippingAddress.join("\n")}
        </Text>
      ) : null}
    </MailLayout>
  );
}
