import { AppError } from "../errors";
import type { JobContext } from "../jobs/job-definition";
import { performEffect } from "../jobs/outbox/perform-effect";
import { logger } from "../observability/logger";
import { requestOrderCancel, UNPAID_ORDER_STATES } from "./cancel-unpaid-order";
import { PAYMENT_INTENT_EFFECTS } from "./payment-intent-effects";

const BATCH = 100;

/**
 * Cancels every order still unpaid `afterMs` after it was created (the customer left), through the
 * same keyed, audited path as a staff cancel, then performs the cancels at once; the outbox
 * dispatcher finishes any that fail now. Running it twice cancels nothing twice.
 */
export async function cancelExpiredUnpaidOrders(context: JobContext, afterMs: number): Promise<number> {
  const orders = await context.prisma.order.findMany({
    where: {
      status: { in: [...UNPAID_ORDER_STATES] },
      createdAt: { lt: new Date(Date.now() - afterMs) },
      // Once its cancel is written, an order waits for Stripe's answer instead of being asked again.
      payments: { some: { status: { in: ["requires_payment_method", "requires_confirmation", "requires_action"] } } },
    },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  let canceled = 0;
  for (const order of orders) {
    try {
      const { effectIds } = await requestOrderCancel(context.prisma, {
        orderId: order.id,
        actor: { kind: "system" },
        reason: `Not paid within ${Math.round(afterMs / 60_000)} minutes`,
      });
      for (const effectId of effectIds) await performEffect(effectId, PAYMENT_INTENT_EFFECTS, context, { force: true });
      canceled += 1;
    } catch (error) {
      // Paid in the meantime: nothing to cancel. Anything else waits for the next run.
      if (error instanceof AppError && error.code === "CONFLICT") continue;
      logger.warn({ err: error, orderId: order.id }, "could not cancel an unpaid order");
    }
  }
  return canceled;
}
