import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { runTransaction } from "../db/run-transaction";
import { logger } from "../observability/logger";
import { enqueueRefundIssue } from "./issue-refund";
import { lockRefund } from "./lock-refund";
import { REFUND_TX_OPTIONS } from "./refund-deps";
import { retrieveRefundForSync } from "./retrieve-refund-for-sync";
import { syncRefundFromStripe } from "./sync-refund-from-stripe";

const BATCH = 200;

/**
 * The refunds half of the sweeper: a refund left in between is settled against Stripe. One still
 * `pending` or `requires_action` for a while (its webhook lost) is read again from Stripe and
 * synced; one `issuing` whose outbox effect is missing or was closed while the refund still
 * waited gets it back, so the dispatcher sends or finds it. An effect an admin set aside stays so.
 */
export async function recheckUnsettledRefunds(
  context: { prisma: PrismaClient; stripe: Stripe },
  minAgeMs: number,
): Promise<{ synced: number; requeued: number }> {
  const before = new Date(Date.now() - minAgeMs);
  const waiting = await context.prisma.refund.findMany({
    where: { status: { in: ["pending", "requires_action"] }, stripeRefundId: { not: null }, updatedAt: { lt: before } },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
    select: { id: true, stripeRefundId: true },
  });
  let synced = 0;
  for (const refund of waiting) {
    try {
      const atStripe = await retrieveRefundForSync(context.stripe, refund.stripeRefundId!);
      await runTransaction(
        context.prisma,
        async (tx) => {
          await lockRefund(tx, refund.id);
          return syncRefundFromStripe(tx, atStripe, { kind: "api" });
        },
        REFUND_TX_OPTIONS,
      );
      synced += 1;
    } catch (error) {
      logger.warn({ err: error, refundId: refund.id }, "sweeper could not re-check a refund");
    }
  }
  const orphans = await context.prisma.$queryRaw<{ id: string }[]>`
    SELECT r.id::text AS id FROM refunds r
     WHERE r.status = 'issuing' AND r.updated_at < ${before}
       AND NOT EXISTS (SELECT 1 FROM outbox_effects e
                        WHERE e.idempotency_key = 'refund:' || r.id::text AND e.status IN ('pending', 'dead', 'discarded'))
     LIMIT ${BATCH}`;
  for (const { id } of orphans) {
    await runTransaction(context.prisma, async (tx) => {
      await tx.$executeRaw`
        UPDATE outbox_effects SET status = 'pending', next_attempt_at = now(), updated_at = now()
         WHERE idempotency_key = ${`refund:${id}`} AND status = 'done'`;
      await enqueueRefundIssue(tx, id);
    });
  }
  return { synced, requeued: orphans.length };
}
