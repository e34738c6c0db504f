import type Stripe from "stripe";
import { type PricedCart, priceCart } from "../catalogue/price-cart";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { formatShippingAddressLines, SHIPPING_COLUMNS } from "../formatting/format-address";
import type { UsdRateTable } from "../fraud/attributes/usd-rates";
import { evaluatePrePayment } from "../fraud/evaluate-pre-payment";
import { configuredUsdRates } from "../fraud/fraud-configuration";
import type { FraudHook } from "../fraud/fraud-hook";
import { recordFraudDecision } from "../fraud/record-fraud-decision";
import { fraudHooks } from "../fraud/run-fraud-pre-check";
import { fraudVelocityStore } from "../fraud/velocity/fraud-velocity-store";
import type { VelocityStore } from "../fraud/velocity/velocity-store";
import { formatMoney } from "../money";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { BLOCKED_MESSAGE } from "./blocked-message";
import { type CheckoutRequest, parseCheckoutRequest } from "./checkout-request";
import { createOrder } from "./create-order";
import { openPaymentIntent } from "./open-payment-intent";

export type CheckoutDependencies = {
  prisma: PrismaClient;
  stripe: Stripe;
  fraudHooks?: readonly FraudHook[];
  fraudVelocity?: VelocityStore;
  usdRates?: UsdRateTable;
  ipAddress?: string | null;
  /** The client's country from a trusted proxy's header (server/fraud/fraud-configuration.ts). */
  ipCountry?: string | null;
};

export type CheckoutSession = {
  orderToken: string;
  paymentIntentId: string;
  clientSecret: string;
  paymentIntentStatus: Stripe.PaymentIntent.Status;
  currency: string;
  totalMinor: number;
  /** The amount to pay, formatted for the customer. */
  total: string;
  /** Where the order goes, as the post of its country writes it, one line each. */
  shippingAddress: string[];
  /** False when the checkout key had already made this order (a double submit, a reload). */
  created: boolean;
};

export { BLOCKED_MESSAGE } from "./blocked-message";

/**
 * Turns a cart into an order and the PaymentIntent that pays it: prices from the catalogue, the
 * fraud pre-check, the order, then the PaymentIntent, in that order. The browser's checkout key
 * makes the whole call idempotent: the same key returns the same order and PaymentIntent.
 */
export async function createCheckout(input: unknown, deps: CheckoutDependencies): Promise<CheckoutSession> {
  const request = parseCheckoutRequest(input);
  const existing = await findOrderByCheckoutKey(deps.prisma, request.checkoutKey);
  if (existing) {
    assertSameCart(existing, request);
    return openSession(deps, existing.id, false);
  }

  const cart = await priceCart(request.cart, deps.prisma);
  if (cart.lines.length === 0) throw new AppError("BAD_REQUEST", "Your cart is empty.", { path: ["cart"] });

  const decision = await evaluatePrePayment(
    {
      email: request.email,
      currency: cart.currency,
      totalMinor: cart.subtotalMinor,
      itemCount: cart.itemCount,
      shippingCountry: request.shipping.country,
      ipAddress: deps.ipAddress ?? null,
      ipCountry: deps.ipCountry ?? null,
    },
    {
      prisma: deps.prisma,
      velocity: deps.fraudVelocity ?? fraudVelocityStore(deps.prisma),
      rates: deps.usdRates ?? configuredUsdRates(),
      hooks: deps.fraudHooks ?? fraudHooks(),
    },
  );
  if (decision.outcome === "block") {
    await recordFraudDecision(deps.prisma, decision.record, { orderId: null, checkoutKey: request.checkoutKey });
    logger.warn({ checkoutKey: request.checkoutKey, reasons: decision.reasons }, "checkout blocked by fraud pre-check");
    throw new AppError("FORBIDDEN", BLOCKED_MESSAGE);
  }

  const { orderId, created } = await createOrder(deps.prisma, { request, cart, decision });
  if (!created) assertSameCart(await findOrderByCheckoutKey(deps.prisma, request.checkoutKey), request, cart);
  return openSession(deps, orderId, created);
}

async function openSession(deps: CheckoutDependencies, orderId: string, created: boolean): Promise<CheckoutSession> {
  const intent = await openPaymentIntent(deps.prisma, deps.stripe, orderId);
  const order = await deps.prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      publicToken: true,
      currency: true,
      totalMinor: true,
      ...SHIPPING_COLUMNS,
    },
  });
  if (created) {
    metrics().checkoutAttempts.inc({ currency: order.currency });
    logger.info({ orderId, paymentIntentId: intent.paymentIntentId }, "checkout created an order");
  }
  return {
    orderToken: order.publicToken,
    paymentIntentId: intent.paymentIntentId,
    clientSecret: intent.clientSecret,
    paymentIntentStatus: intent.status,
    currency: order.currency,
    totalMinor: order.totalMinor,
    total: formatMoney(order.totalMinor, order.currency),
    shippingAddress: formatShippingAddressLines(order),
    created,
  };
}

type OrderForKey = Awaited<ReturnType<typeof findOrderByCheckoutKey>>;

function findOrderByCheckoutKey(prisma: PrismaClient, checkoutKey: string) {
  return prisma.order.findUnique({
    where: { checkoutKey },
    select: { id: true, currency: true, items: { select: { productId: true, quantity: true } } },
  });
}

/**
 * A checkout key belongs to one cart. Reusing it for different contents is a client bug or a
 * tampered request; answering with the old order would charge for the wrong goods.
 */
function assertSameCart(order: OrderForKey, request: CheckoutRequest, priced?: PricedCart): void {
  if (!order) return;
  const requested = priced
    ? { currency: priced.currency, lines: priced.lines }
    : (request.cart as { currency?: unknown; lines?: { productId?: unknown; quantity?: unknown }[] } | null);
  const fingerprint = (currency: unknown, lines: { productId?: unknown; quantity?: unknown }[] | undefined) =>
    `${String(currency)}|${(lines ?? [])
      .map((line) => `${String(line.productId)}x${String(line.quantity)}`)
      .sort()
      .join(",")}`;
  if (fingerprint(order.currency, order.items) !== fingerprint(requested?.currency, requested?.lines)) {
    throw new AppError(
      "CONFLICT",
      "This checkout was started with a different cart. Reload the page to check out again.",
    );
  }
}
