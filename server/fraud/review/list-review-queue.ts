import type { PrismaClient } from "../../db/client";
import { CAPTURED_ORDER_STATES } from "./settle-captured-review";

/** Stripe releases an uncaptured card authorisation after about 7 days; the queue warns a day before. */
export const AUTHORISATION_LIFETIME_MS = 7 * 24 * 3_600_000;
export const EXPIRY_WARNING_MS = 24 * 3_600_000;

const SIGNALS = [
  "risk_level",
  "risk_score",
  "card_country",
  "ip_country",
  "shipping_address_country",
  "cvc_check",
  "address_zip_check",
  "card_funding",
  "is_3d_secure_authenticated",
  "is_disposable_email",
  "declined_charges_per_email_hourly",
] as const;

export type ReviewQueueItem = {
  id: string;
  orderId: string;
  email: string;
  amountMinor: number;
  currency: string;
  source: string;
  reasons: string[];
  openedAt: Date;
  /** Held money only: captured money has no authorisation to expire. */
  authorisationExpiresAt: Date | null;
  /** The money was captured (an early fraud warning, a Radar review of a payment captured at once): approve keeps it, reject refunds it. */
  captured: boolean;
  /** Less than a day left before Stripe releases the hold. */
  expiresSoon: boolean;
  /** What the post-authorisation decision saw, for the analyst (names are Radar attributes). */
  signals: { name: string; value: string | boolean }[];
  history: { paidOrders: number; refunds: number; disputes: number; otherEmailsOnCard: string[] };
};

/** Open reviews, oldest first, with what fired and the customer's history. */
export async function listReviewQueue(prisma: PrismaClient, now = new Date()): Promise<ReviewQueueItem[]> {
  const reviews = await prisma.fraudReview.findMany({
    where: { status: "open" },
    orderBy: { openedAt: "asc" },
    take: 200,
  });
  if (reviews.length === 0) return [];
  const orderIds = reviews.map((review) => review.orderId);
  const [orders, decisions] = await Promise.all([
    prisma.order.findMany({
      where: { id: { in: orderIds } },
      select: { id: true, status: true, customerId: true, customer: { select: { email: true } } },
    }),
    prisma.fraudDecision.findMany({
      where: { paymentIntentId: { in: reviews.map((review) => review.paymentIntentId) } },
      select: { paymentIntentId: true, attributes: true },
    }),
  ]);
  const orderById = new Map(orders.map((order) => [order.id, order]));
  const attributesByIntent = new Map(
    decisions.map((decision) => [decision.paymentIntentId, (decision.attributes ?? {}) as Record<string, unknown>]),
  );

  return Promise.all(
    reviews.map(async (review) => {
      const order = orderById.get(review.orderId);
      const attributes = attributesByIntent.get(review.paymentIntentId) ?? {};
      const fingerprint = typeof attributes.card_fingerprint === "string" ? attributes.card_fingerprint : null;
      const history = await customerHistoryFor(prisma, order?.customerId ?? null, review.orderId, fingerprint);
      // Held money waits in review (the order is In review); otherwise it was captured already.
      const captured =
        review.source === "early_fraud_warning" || (order !== undefined && CAPTURED_ORDER_STATES.has(order.status));
      const expiresAt = captured ? null : new Date(review.authorisedAt.getTime() + AUTHORISATION_LIFETIME_MS);
      return {
        id: review.id,
        orderId: review.orderId,
        email: order?.customer.email ?? "",
        amountMinor: review.amountMinor,
        currency: review.currency,
        source: review.source,
        reasons: review.reasons,
        openedAt: review.openedAt,
        authorisationExpiresAt: expiresAt,
        captured,
        expiresSoon: expiresAt !== null && expiresAt.getTime() - now.getTime() < EXPIRY_WARNING_MS,
        signals: SIGNALS.flatMap((name) => {
          const value = attributes[name];
          return typeof value === "string" || typeof value === "boolean" ? [{ name, value }] : [];
        }),
        history,
      };
    }),
  );
}

async function customerHistoryFor(
  prisma: PrismaClient,
  customerId: string | null,
  orderId: string,
  fingerprint: string | null,
): Promise<ReviewQueueItem["history"]> {
  if (!customerId) return { paidOrders: 0, refunds: 0, disputes: 0, otherEmailsOnCard: [] };
  const [row] = await prisma.$queryRaw<{ paid: bigint; refunds: bigint; disputes: bigint }[]>`
    SELECT
      (SELECT count(*) FROM orders o WHERE o.customer_id = ${customerId}::uuid AND o.id <> ${orderId}::uuid
         AND o.status IN ('paid','partially_refunded','refunded','disputed','dispute_won','dispute_lost')) AS paid,
      (SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id
         WHERE o.customer_id = ${customerId}::uuid AND r.status = 'succeeded') AS refunds,
      (SELECT count(*) FROM disputes d JOIN orders o ON o.id = d.order_id WHERE o.customer_id = ${customerId}::uuid) AS disputes`;
  const others = fingerprint
    ? await prisma.$queryRaw<{ email: string }[]>`
        SELECT DISTINCT c.email FROM fraud_decisions d
          JOIN orders o ON o.id = d.order_id JOIN customers c ON c.id = o.customer_id
         WHERE d.stage = 'post_authorisation' AND d.attributes->>'card_fingerprint' = ${fingerprint}
           AND o.customer_id <> ${customerId}::uuid
         LIMIT 20`
    : [];
  return {
    paidOrders: Number(row?.paid ?? 0),
    refunds: Number(row?.refunds ?? 0),
    disputes: Number(row?.disputes ?? 0),
    otherEmailsOnCard: others.map((other) => other.email),
  };
}
