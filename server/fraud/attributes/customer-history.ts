import { Prisma, type PrismaClient } from "../../db/client";
import { preparedMarker } from "../../db/prepared-statements";

export type CustomerHistory = { paidOrders: number; refunds: number; disputes: number };

const PAID_OR_LATER = ["paid", "partially_refunded", "refunded", "disputed", "dispute_won", "dispute_lost"];

const HISTORY_MARKER = Prisma.raw(preparedMarker("fraud_customer_history"));

/**
 * What PayOps knows of an email's earlier orders: paid ones, succeeded refunds, disputes. One
 * query, kept prepared: every checkout asks it, and planning its three subqueries afresh would
 * cost more than running them.
 */
export async function customerHistory(prisma: PrismaClient, email: string): Promise<CustomerHistory> {
  const [row] = await prisma.$queryRaw<{ paid: bigint; refunds: bigint; disputes: bigint }[]>`
    ${HISTORY_MARKER} SELECT
      (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.status = ANY(${PAID_OR_LATER}::text[])) AS paid,
      (SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id
         WHERE o.customer_id = c.id AND r.status = 'succeeded') AS refunds,
      (SELECT count(*) FROM disputes d JOIN orders o ON o.id = d.order_id WHERE o.customer_id = c.id) AS disputes
    FROM customers c WHERE c.email = ${email}`;
  return row
    ? { paidOrders: Number(row.paid), refunds: Number(row.refunds), disputes: Number(row.disputes) }
    : { paidOrders: 0, refunds: 0, disputes: 0 };
}
