import { emit } from "../jobs/emit";
import type { JobContext } from "../jobs/job-definition";
import { logger } from "../observability/logger";
import { applyPaymentIntentToOrder } from "../orders/apply-payment-intent";
import { ORDER_STAGE, ORDER_STATES } from "../orders/order-states";
import { retrievePaymentIntent } from "./retrieve-payment-intent";

const DEFAULT_EVENT_MIN_AGE_MS = 2 * 60_000;
export const DEFAULT_ORDER_MIN_AGE_MS = 5 * 60_000;
const BATCH = 200;
/** Stripe cancels uncaptured PaymentIntents after 7 days; nothing older can still move on its own. */
const ORDER_WATCH_DAYS = 8;

/** Orders whose payment can still change without anyone acting on our side. */
const UNSETTLED_STATES = ORDER_STATES.filter((state) => ORDER_STAGE[state] < ORDER_STAGE.paid);

type UnprocessedRow = { stripe_event_id: string; order_key: string };

/**
 * Dispatches again every event stored a while ago and still unprocessed (a lost dispatch or a
 * crash). Dead letters are left alone: they failed too often and wait for a person.
 */
export async function redispatchUnprocessedEvents(context: Pick<JobContext, "prisma" | "sweep">): Promise<number> {
  const minAge = context.sweep?.eventMinAgeMs ?? DEFAULT_EVENT_MIN_AGE_MS;
  const rows = await context.prisma.$queryRaw<UnprocessedRow[]>`
    SELECT stripe_event_id, order_key
    FROM stripe_events
    WHERE processed_at IS NULL AND dead_at IS NULL
      AND received_at < now() - make_interval(secs => ${minAge / 1000})
    ORDER BY received_at
    LIMIT ${BATCH}`;
  for (const row of rows) {
    await emit("stripe/event.received", { stripeEventId: row.stripe_event_id, orderKey: row.order_key });
  }
  return rows.length;
}

/**
 * Asks Stripe about orders that have sat in a non-final state for a while and applies what it
 * says: a dropped webhook leaves an order waiting; this is what settles it.
 */
export async function recheckStuckOrders(context: JobContext): Promise<number> {
  const minAge = context.sweep?.orderMinAgeMs ?? DEFAULT_ORDER_MIN_AGE_MS;
  const now = Date.now();
  const orders = await context.prisma.order.findMany({
    where: {
      status: { in: UNSETTLED_STATES },
      updatedAt: { lt: new Date(now - minAge) },
      createdAt: { gt: new Date(now - ORDER_WATCH_DAYS * 86_400_000) },
      payments: { some: {} },
    },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
    select: {
      id: true,
      payments: { orderBy: { createdAt: "desc" }, take: 1, select: { stripePaymentIntentId: true } },
    },
  });
  const targets = orders.flatMap((order) => {
    const paymentIntentId = order.payments[0]?.stripePaymentIntentId;
    return paymentIntentId ? [{ orderId: order.id, paymentIntentId }] : [];
  });
  targets.push(...(await paidWithoutCapturePosting(context, now - minAge)));
  let rechecked = 0;
  for (const { orderId, paymentIntentId } of targets) {
    try {
      const paymentIntent = await retrievePaymentIntent(context.stripe, paymentIntentId);
      await applyPaymentIntentToOrder(paymentIntent, { kind: "sweeper" }, { prisma: context.prisma });
      rechecked += 1;
    } catch (error) {
      // One order's failure (Stripe down for a moment) must not stop the sweep; the next one retries it.
      logger.warn({ err: error, orderId }, "sweeper could not re-check an order");
    }
  }
  return rechecked;
}

/**
 * Paid orders whose capture never reached the ledger: with automatic_async capture the balance
 * transaction arrives later (charge.updated), and that event may have been lost.
 */
async function paidWithoutCapturePosting(context: JobContext, updatedBefore: number) {
  return context.prisma.$queryRaw<{ orderId: string; paymentIntentId: string }[]>`
    SELECT o.id AS "orderId", p.stripe_payment_intent_id AS "paymentIntentId"
    FROM orders o JOIN payments p ON p.order_id = o.id AND p.status = 'succeeded'
    WHERE o.status = 'paid'
      AND o.updated_at < ${new Date(updatedBefore)}
      AND o.created_at > ${new Date(Date.now() - ORDER_WATCH_DAYS * 86_400_000)}
      AND NOT EXISTS (
        SELECT 1 FROM ledger_transactions t
        WHERE t.stripe_payment_intent_id = p.stripe_payment_intent_id AND t.kind = 'payment_captured')
    ORDER BY o.updated_at
    LIMIT ${BATCH}`;
}
