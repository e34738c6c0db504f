import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { buildOrderTimeline } from "./build-order-timeline";
import { loadOrderDisputes, loadOrderLedgerLines, loadOrderRefunds } from "./order-detail-sections";

/** The Stripe object id an event is about, as the inbox's expression index stores it. */
const EVENT_PAYMENT_INTENT = "COALESCE(payload #>> '{data,object,payment_intent}', payload #>> '{data,object,id}')";

type StripeEventRow = {
  stripeEventId: string;
  type: string;
  stripeCreatedAt: Date;
  outcome: string | null;
  traceId: string | null;
};

async function stripeEventsFor(prisma: PrismaClient, paymentIntentIds: string[]): Promise<StripeEventRow[]> {
  if (paymentIntentIds.length === 0) return [];
  return prisma.$queryRawUnsafe<StripeEventRow[]>(
    `SELECT stripe_event_id AS "stripeEventId", type, stripe_created_at AS "stripeCreatedAt", outcome,
            trace_id AS "traceId"
       FROM stripe_events WHERE ${EVENT_PAYMENT_INTENT} = ANY($1::text[])
      ORDER BY stripe_created_at LIMIT 500`,
    paymentIntentIds,
  );
}

/**
 * Everything the back office shows about one order, read in parallel. Ledger lines are finance's
 * data (`ledger.read`): for anyone else they are null, not an empty list, so no screen can show
 * them by accident and none can mistake "hidden" for "no entries".
 */
export async function getOrderDetail(prisma: PrismaClient, orderId: string, viewer: { canReadLedger: boolean }) {
  // The sections keyed by the order id alone start at once, beside the order itself: on a large
  // store each is a few index lookups that may wait on the disk, so waiting for the order first
  // would put two disk waits in a row.
  const byOrderId = Promise.all([
    loadOrderRefunds(prisma, orderId),
    loadOrderDisputes(prisma, orderId),
    viewer.canReadLedger ? loadOrderLedgerLines(prisma, orderId) : null,
    prisma.fraudEarlyWarning.findMany({
      where: { orderId },
      orderBy: { stripeCreatedAt: "asc" },
      select: { stripeWarningId: true, fraudType: true, policyAction: true, stripeCreatedAt: true },
    }),
  ]);
  // Awaited below; marked handled now so a failure while the order loads is not an unhandled rejection.
  byOrderId.catch(() => null);
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    include: {
      customer: { select: { id: true, email: true, name: true, createdAt: true } },
      items: { orderBy: { productName: "asc" } },
      payments: { orderBy: { createdAt: "asc" } },
      statusHistory: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", `No order ${orderId}`);
  const paymentIntentIds = order.payments.map((payment) => payment.stripePaymentIntentId);
  const [stripeEvents, audit, [refunds, disputes, ledgerLines, earlyFraudWarnings]] = await Promise.all([
    stripeEventsFor(prisma, paymentIntentIds),
    prisma.auditLog.findMany({
      where: { OR: [{ subjectType: "order", subjectId: orderId }, { subjectId: { in: paymentIntentIds } }] },
      include: { actor: { select: { email: true } } },
      orderBy: { createdAt: "asc" },
      take: 500,
    }),
    byOrderId,
  ]);
  const staffActions = audit.map((row) => ({ ...row, actorEmail: row.actor?.email ?? null }));
  const { customer, items, payments, statusHistory, ...summary } = order;
  return {
    order: { ...summary, currency: summary.currency.trim() },
    customer,
    items,
    payments,
    timeline: buildOrderTimeline({ statusChanges: statusHistory, stripeEvents, staffActions }),
    refunds,
    disputes,
    ledgerLines,
    earlyFraudWarnings,
  };
}

export type OrderDetail = Awaited<ReturnType<typeof getOrderDetail>>;
