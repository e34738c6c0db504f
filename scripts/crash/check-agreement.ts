import type Stripe from "stripe";
import type { PrismaClient } from "../../server/db/client";
import { countOutbox } from "../../server/jobs/outbox/count-outbox";
import { countInbox } from "../../server/webhooks/count-inbox";

export type Agreement = {
  problems: string[];
  figures: {
    orders: number;
    ordersByStatus: Record<string, number>;
    refunds: number;
    refundsByStatus: Record<string, number>;
    stripeRefunds: number;
    disputes: number;
    events: number;
    inbox: Awaited<ReturnType<typeof countInbox>>;
    outbox: Awaited<ReturnType<typeof countOutbox>>;
    /** Effects that took more than one attempt (a kill, an outage or a fault got in the way). */
    outboxRetried: number;
  };
};

const DISPUTE_ORDER_STATUS: Record<string, string> = {
  warning_needs_response: "disputed",
  warning_under_review: "disputed",
  needs_response: "disputed",
  under_review: "disputed",
  won: "dispute_won",
  warning_closed: "dispute_won",
  lost: "dispute_lost",
};

/** The order status PayOps should show for what Stripe holds about its payment. */
function expectedOrderStatus(intent: Stripe.PaymentIntent, disputes: Stripe.Dispute[]): string | null {
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  switch (intent.status) {
    case "succeeded": {
      const dispute = disputes.at(-1);
      if (dispute) return DISPUTE_ORDER_STATUS[dispute.status] ?? null;
      const refunded = charge?.amount_refunded ?? 0;
      return refunded === 0 ? "paid" : refunded >= intent.amount_received ? "refunded" : "partially_refunded";
    }
    case "requires_payment_method":
      return intent.last_payment_error ? "payment_failed" : "pending_payment";
    case "canceled":
      return "canceled";
    case "requires_capture":
      return "in_review";
    default:
      return null;
  }
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * Whether PayOps and the sandbox tell the same story: each order's status follows its
 * PaymentIntent, refunds and disputes at Stripe; each PayOps refund is one Stripe refund (its
 * idempotency key used once) in the same status, none left `issuing`; each Stripe refund and
 * dispute is known to PayOps; the ledger sums to zero per currency and per entry; the inbox and
 * outbox have nothing owed or parked, and received = processed + pending + dead.
 */
export async function checkAgreement(prisma: PrismaClient, stripe: Stripe): Promise<Agreement> {
  const problems: string[] = [];
  const orders = await prisma.order.findMany({
    include: { payments: { orderBy: { createdAt: "desc" } }, refunds: true, disputes: true },
  });
  const stripeRefundsSeen: Stripe.Refund[] = [];
  let disputeCount = 0;
  for (const order of orders) {
    const payment = order.payments[0];
    if (!payment) {
      if (order.status !== "pending_payment") problems.push(`order ${order.id} is ${order.status} with no payment`);
      continue;
    }
    const intent = await stripe.paymentIntents.retrieve(payment.stripePaymentIntentId, { expand: ["latest_charge"] });
    const disputes = (await stripe.disputes.list({ payment_intent: intent.id, limit: 100 })).data.sort(
      (a, b) => a.created - b.created,
    );
    disputeCount += disputes.length;
    const expected = expectedOrderStatus(intent, disputes);
    if (expected !== order.status) {
      problems.push(
        `order ${order.id} is ${order.status}; Stripe's PaymentIntent ${intent.id} (${intent.status}) says ${expected}`,
      );
    }
    if (payment.status !== intent.status) {
      problems.push(`payment ${payment.id} is ${payment.status}; Stripe says ${intent.status}`);
    }
    const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
    if (charge && payment.amountRefundedMinor !== charge.amount_refunded) {
      problems.push(
        `payment ${payment.id} has ${payment.amountRefundedMinor} refunded; Stripe's charge ${charge.amount_refunded}`,
      );
    }
    for (const dispute of disputes) {
      const ours = order.disputes.find((row) => row.stripeDisputeId === dispute.id);
      if (!ours) problems.push(`Stripe's dispute ${dispute.id} on order ${order.id} is unknown to PayOps`);
      else if (ours.status !== dispute.status || ours.amountMinor !== dispute.amount) {
        problems.push(
          `dispute ${ours.id} is ${ours.status}/${ours.amountMinor}; Stripe ${dispute.status}/${dispute.amount}`,
        );
      }
    }

    const atStripe = [];
    for await (const refund of stripe.refunds.list({ payment_intent: intent.id, limit: 100 })) atStripe.push(refund);
    stripeRefundsSeen.push(...atStripe);
    const byRefundId = new Map<string, Stripe.Refund[]>();
    for (const refund of atStripe) {
      const key = refund.metadata?.refund_id ?? `(no refund_id) ${refund.id}`;
      byRefundId.set(key, [...(byRefundId.get(key) ?? []), refund]);
    }
    for (const [key, made] of byRefundId) {
      if (made.length > 1) problems.push(`refund ${key} was made ${made.length} times at Stripe`);
      if (!order.refunds.some((row) => row.id === key))
        problems.push(`Stripe refund ${made[0]!.id} (${key}) is unknown to PayOps`);
    }
    for (const refund of order.refunds) {
      if (refund.status === "issuing") problems.push(`refund ${refund.id} is still issuing`);
      const made = byRefundId.get(refund.id) ?? [];
      if (made.length === 0) {
        if (refund.status !== "failed" && refund.status !== "rejected" && refund.status !== "awaiting_approval") {
          problems.push(`refund ${refund.id} is ${refund.status} but Stripe has no refund for it`);
        }
        continue;
      }
      if (refund.stripeRefundId !== made[0]!.id) {
        problems.push(`refund ${refund.id} names Stripe refund ${refund.stripeRefundId}; Stripe has ${made[0]!.id}`);
      }
      if (refund.status !== made[0]!.status) {
        problems.push(`refund ${refund.id} is ${refund.status}; Stripe says ${made[0]!.status}`);
      }
      if (refund.amountMinor !== made[0]!.amount) {
        problems.push(`refund ${refund.id} is for ${refund.amountMinor}; Stripe's for ${made[0]!.amount}`);
      }
    }
  }

  const unbalanced = await prisma.$queryRaw<{ currency: string; net: bigint }[]>`
    SELECT currency, sum(CASE WHEN direction = 'debit' THEN amount_minor ELSE -amount_minor END) AS net
      FROM ledger_lines GROUP BY currency
    HAVING sum(CASE WHEN direction = 'debit' THEN amount_minor ELSE -amount_minor END) <> 0`;
  for (const row of unbalanced) problems.push(`the ledger is off by ${row.net} in ${row.currency}`);
  const [entries] = await prisma.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM (
      SELECT transaction_id FROM ledger_lines GROUP BY transaction_id, currency
      HAVING sum(CASE WHEN direction = 'debit' THEN amount_minor ELSE -amount_minor END) <> 0) AS off`;
  if (Number(entries!.count) > 0) problems.push(`${entries!.count} ledger entries do not balance`);

  const [inbox, outbox] = await Promise.all([countInbox(prisma), countOutbox(prisma)]);
  for (const [name, counts] of [
    ["inbox", inbox],
    ["outbox", outbox],
  ] as const) {
    if (counts.received !== counts.processed + counts.pending + counts.dead) {
      problems.push(`${name}: received ${counts.received} ≠ processed + pending + dead`);
    }
    if (counts.pending > 0) problems.push(`${name}: ${counts.pending} still pending`);
    if (counts.dead > 0) problems.push(`${name}: ${counts.dead} parked as dead letters`);
  }
  const refunds = orders.flatMap((order) => order.refunds);
  const outboxRetried = await prisma.outboxEffect.count({ where: { attempts: { gt: 1 } } });
  return {
    problems,
    figures: {
      orders: orders.length,
      ordersByStatus: tally(orders.map((order) => order.status)),
      refunds: refunds.length,
      refundsByStatus: tally(refunds.map((refund) => refund.status)),
      stripeRefunds: stripeRefundsSeen.length,
      disputes: disputeCount,
      events: inbox.received,
      inbox,
      outbox,
      outboxRetried,
    },
  };
}
