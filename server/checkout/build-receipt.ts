import type { PrismaClient } from "../db/client";
import { formatShippingAddressLines, SHIPPING_COLUMNS } from "../formatting/format-address";
import { formatDate, formatDateTime } from "../formatting/format-date-time";
import { merchantDateFormat } from "../formatting/merchant-date-format";
import { cardBrandLabel } from "../labels/payment-method-labels";
import { formatMoney } from "../money";

export type CustomerReceipt = {
  /** What the customer quotes to support: the start of the order's id, upper case. */
  orderNumber: string;
  placedOn: string;
  lines: { name: string; quantity: number; unitPrice: string; lineTotal: string }[];
  subtotal: string;
  total: string;
  shippingAddress: string[];
  /** "Visa •••• 4242"; null before a card was charged. */
  paidWith: string | null;
  /** How much came back and when, in words; null when nothing was refunded. */
  refundNote: string | null;
  /** What a dispute means for the customer; null without one. */
  disputeNote: string | null;
};

/** The receipt facts of one order, every amount in its own currency and every date in the merchant's zone. */
export async function buildReceipt(prisma: PrismaClient, orderId: string): Promise<CustomerReceipt> {
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      currency: true,
      subtotalMinor: true,
      totalMinor: true,
      createdAt: true,
      ...SHIPPING_COLUMNS,
      items: {
        orderBy: { productName: "asc" },
        select: { productName: true, quantity: true, unitPriceMinor: true, lineTotalMinor: true },
      },
      payments: {
        where: { cardLast4: { not: null } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { cardBrand: true, cardLast4: true },
      },
    },
  });
  const currency = order.currency.trim();
  const [refunds, dispute] = await Promise.all([
    prisma.refund.findMany({
      where: { orderId, status: "succeeded" },
      orderBy: { updatedAt: "desc" },
      select: { amountMinor: true, updatedAt: true },
    }),
    prisma.dispute.findFirst({
      // Only while the bank has not ruled for the merchant: a won dispute leaves a plain receipt.
      where: { orderId, status: { notIn: ["won", "warning_closed", "prevented"] } },
      orderBy: { createdAt: "desc" },
      select: { status: true, amountMinor: true },
    }),
  ]);
  const dateFormat = merchantDateFormat();
  const refundedMinor = refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
  const card = order.payments[0];
  return {
    orderNumber: order.id.slice(0, 8).toUpperCase(),
    placedOn: formatDateTime(order.createdAt, dateFormat),
    lines: order.items.map((item) => ({
      name: item.productName,
      quantity: item.quantity,
      unitPrice: formatMoney(item.unitPriceMinor, currency),
      lineTotal: formatMoney(item.lineTotalMinor, currency),
    })),
    subtotal: formatMoney(order.subtotalMinor, currency),
    total: formatMoney(order.totalMinor, currency),
    shippingAddress: formatShippingAddressLines(order),
    paidWith: card?.cardLast4 ? `${cardBrandLabel(card.cardBrand ?? "")} •••• ${card.cardLast4}` : null,
    refundNote:
      refundedMinor === 0
        ? null
        : refundedMinor >= order.totalMinor
          ? `Refunded in full (${formatMoney(refundedMinor, currency)}) on ${formatDate(refunds[0]!.updatedAt, dateFormat)}. It reaches your card within 5–10 business days.`
          : `${formatMoney(refundedMinor, currency)} of ${formatMoney(order.totalMinor, currency)} refunded, last on ${formatDate(refunds[0]!.updatedAt, dateFormat)}. It reaches your card within 5–10 business days.`,
    disputeNote: dispute
      ? `Your bank told us you disputed ${formatMoney(dispute.amountMinor, currency)} of this payment. Your bank decides the outcome; we have shared the order's details with them.`
      : null,
  };
}
