import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { customerOrderStatusLabel } from "../labels/customer-labels";
import { formatMoney } from "../money";
import { buildReceipt, type CustomerReceipt } from "./build-receipt";
import { isPayableStatus, isWatchedStatus } from "./order-status";
import { looksLikePublicToken } from "./public-token";
import { type ApplyPaymentIntent, type SyncedPaymentIntent, syncPaymentIntent } from "./sync-payment-intent";

export type CustomerOrderView = {
  token: string;
  status: string;
  statusLabel: string;
  /** True while the payment may still change by itself: the page keeps polling. */
  watching: boolean;
  /** The customer may (re)try paying this order. */
  canPay: boolean;
  /** Why the last payment attempt failed, in plain words. */
  paymentProblem: string | null;
  paymentIntentStatus: Stripe.PaymentIntent.Status | null;
  currency: string;
  total: string;
  items: { name: string; quantity: number; lineTotal: string }[];
  placedAt: Date;
  /** Who pays: prefilled into the payment form when the customer tries again. */
  billing: { name: string; email: string };
  receipt: CustomerReceipt;
};

export type CustomerOrderDependencies = {
  prisma: PrismaClient;
  stripe: Stripe;
  applyPaymentIntent: ApplyPaymentIntent;
};

/**
 * The order as its customer sees it, found by its public token. While the payment is unsettled
 * it first brings the order up to date from Stripe (see syncPaymentIntent), so the page never
 * waits on a late webhook.
 */
export async function getCustomerOrder(
  deps: CustomerOrderDependencies,
  token: string,
  options: { syncIntervalMs: number },
): Promise<CustomerOrderView> {
  if (!looksLikePublicToken(token)) throw new AppError("NOT_FOUND", "We couldn't find that order.");
  const before = await loadOrder(deps.prisma, token);
  const latest = before.payments[0];
  let synced: SyncedPaymentIntent | null = null;
  if (latest && (isWatchedStatus(before.status) || isPayableStatus(before.status))) {
    synced = await syncPaymentIntent(deps, before.id, latest.stripePaymentIntentId, options.syncIntervalMs);
  }
  const order = synced ? await loadOrder(deps.prisma, token) : before;
  return {
    token: order.publicToken,
    status: order.status,
    statusLabel: customerOrderStatusLabel(order.status),
    watching: isWatchedStatus(order.status),
    canPay: isPayableStatus(order.status),
    paymentProblem: isPayableStatus(order.status) ? (synced?.problem ?? null) : null,
    paymentIntentStatus: synced?.status ?? null,
    currency: order.currency,
    total: formatMoney(order.totalMinor, order.currency),
    items: order.items.map((item) => ({
      name: item.productName,
      quantity: item.quantity,
      lineTotal: formatMoney(item.lineTotalMinor, item.currency),
    })),
    placedAt: order.createdAt,
    billing: { name: order.shippingName ?? "", email: order.customer.email },
    receipt: await buildReceipt(deps.prisma, order.id),
  };
}

async function loadOrder(prisma: PrismaClient, token: string) {
  const order = await prisma.order.findUnique({
    where: { publicToken: token },
    select: {
      id: true,
      publicToken: true,
      status: true,
      currency: true,
      totalMinor: true,
      createdAt: true,
      shippingName: true,
      customer: { select: { email: true } },
      items: {
        orderBy: { productName: "asc" },
        select: { productName: true, quantity: true, lineTotalMinor: true, currency: true },
      },
      payments: { orderBy: { createdAt: "desc" }, take: 1, select: { stripePaymentIntentId: true } },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "We couldn't find that order.");
  return order;
}

/** Whether a token names an order, without asking Stripe: for the page's not-found answer. */
export async function customerOrderExists(prisma: PrismaClient, token: string): Promise<boolean> {
  if (!looksLikePublicToken(token)) return false;
  return (await prisma.order.count({ where: { publicToken: token } })) === 1;
}
