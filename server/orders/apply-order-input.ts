import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { decideOrderTransition, type TransitionDecision } from "./decide-order-transition";
import { describeCause, type OrderChangeCause } from "./order-cause";
import type { OrderInput } from "./order-inputs";
import { isOrderState, type OrderState } from "./order-states";

export type OrderInputResult = {
  orderId: string;
  from: OrderState;
  to: OrderState;
  applied: boolean;
  decision: TransitionDecision["kind"];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type LockedOrder = { id: string; status: string; stripe_observed_at: Date | null };

/** Locks the order row for the rest of the transaction; two workers never decide for one order at once. */
export async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder & { status: OrderState }> {
  if (!UUID.test(orderId)) throw new AppError("UNPROCESSABLE", `metadata.order_id "${orderId}" is not an order id`);
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, status, stripe_observed_at FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  const order = rows[0];
  if (!order) throw new AppError("NOT_FOUND", `order ${orderId} does not exist`);
  if (!isOrderState(order.status))
    throw new AppError("CONFLICT", `order ${orderId} has unknown status ${order.status}`);
  return { ...order, status: order.status };
}

/**
 * Runs one input through the state machine for an order locked by `lockOrder` in the same
 * transaction, and writes the result: the new status and its history row, or only a fresher
 * observation time when the state is unchanged.
 */
export async function applyOrderInput(
  tx: Tx,
  order: LockedOrder & { status: OrderState },
  input: OrderInput,
  observedAt: number,
  cause: OrderChangeCause,
): Promise<OrderInputResult> {
  const decision = decideOrderTransition(
    { state: order.status, observedAt: order.stripe_observed_at?.getTime() ?? null },
    input,
    observedAt,
  );
  const nextObservedAt = decision.next.observedAt === null ? null : new Date(decision.next.observedAt);
  if (decision.kind === "applied") {
    await tx.order.update({
      where: { id: order.id },
      data: { status: decision.to, stripeObservedAt: nextObservedAt },
    });
    await tx.orderStatusHistory.create({
      data: {
        orderId: order.id,
        fromStatus: decision.from,
        toStatus: decision.to,
        cause: describeCause(cause),
        note: decision.name,
      },
    });
  } else if (nextObservedAt && nextObservedAt.getTime() !== order.stripe_observed_at?.getTime()) {
    await tx.order.update({ where: { id: order.id }, data: { stripeObservedAt: nextObservedAt } });
  }
  return {
    orderId: order.id,
    from: order.status,
    to: decision.next.state,
    applied: decision.kind === "applied",
    decision: decision.kind,
  };
}
