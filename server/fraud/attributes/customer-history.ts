import type { PrismaClient } from "../../db/client";

export type CustomerHistory = { paidOrders: number; refunds: number; disputes: number };

const PAID_OR_LATER = ["paid", "partially_refunded", "refunded", "disputed", "dispute_won", "dispute_lost"];

/** What PayOps knows of an email's earlier orders: paid ones, succeeded refunds, disputes. One query. */
export async function customerHistory(prisma: PrismaClient, email: string): Promise<CustomerHistory> {
  const [row] = await prisma.$queryRaw<{ paid: bigint; refunds: bigint; disputes: bigint }[]>`
    SELECT
      (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.status = ANY(${PAID_OR_LATER}::text[])) AS paid,
      (SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id
         WHERE o.customer_id = c.id AND r.status = 'succeeded') AS refunds,
      (SELECT count(*) FROM disputes d JOIN orders o ON o.id = d.order_id WHERE o.customer_id = c.id) AS disputes
    FROM customers c WHERE c.email = ${email}`;
  return row
    ? { paidOrders: Number(row.paid), refunds: Number(row.refunds), disputes: Number(row.disputes) }
    : { paidOrders: 0, refunds: 0, disputes: 0 };
}
