import type { PrismaClient } from "../db/client";
import { formatShippingAddressLines } from "../formatting/format-address";
import { formatDateTime } from "../formatting/format-date-time";
import { merchantDateFormat } from "../formatting/merchant-date-format";
import { cardBrandLabel } from "../labels/payment-method-labels";
import { formatMoney } from "../money";

/** What every customer mail about an order says, every amount in the order's own currency. */
export type MailOrder = {
  to: string;
  customerName: string | null;
  orderNumber: string;
  placedOn: string;
  currency: string;
  lines: { name: string; quantity: number; lineTotal: string }[];
  total: string;
  totalMinor: number;
  shippingAddress: string[];
  paidWith: string | null;
  /** The customer's own order page (the receipt). */
  orderUrl: string;
};

export async function loadMailOrder(prisma: PrismaClient, orderId: string, appUrl: string): Promise<MailOrder | null> {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    include: {
      customer: { select: { email: true, name: true } },
      items: { orderBy: { productName: "asc" }, select: { productName: true, quantity: true, lineTotalMinor: true } },
      payments: {
        where: { cardLast4: { not: null } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { cardBrand: true, cardLast4: true },
      },
    },
  });
  if (!order) return null;
  const currency = order.currency.trim();
  const card = order.payments[0];
  return {
    to: order.customer.email,
    customerName: order.customer.name,
    orderNumber: order.id.slice(0, 8).toUpperCase(),
    placedOn: formatDateTime(order.createdAt, merchantDateFormat()),
    currency,
    lines: order.items.map((item) => ({
      name: item.productName,
      quantity: item.quantity,
      lineTotal: formatMoney(item.lineTotalMinor, currency),
    })),
    total: formatMoney(order.totalMinor, currency),
    totalMinor: order.totalMinor,
    shippingAddress: formatShippingAddressLines(order),
    paidWith: card?.cardLast4 ? `${cardBrandLabel(card.cardBrand ?? "")} •••• ${card.cardLast4}` : null,
    orderUrl: new URL(`/orders/${order.publicToken}`, appUrl).toString(),
  };
}
