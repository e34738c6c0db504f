import type Stripe from "stripe";
import type { Tx } from "../db/client";
import { applyOrderInput, lockOrder, type OrderInputResult } from "./apply-order-input";
import { inputFromDispute } from "./derive-order-input";
import type { OrderChangeCause } from "./order-cause";

/** Moves the order to disputed, or to the dispute's outcome; inquiries leave it as it is. */
export async function applyDispute(
  tx: Tx,
  orderId: string,
  dispute: Stripe.Dispute,
  observedAt: number,
  cause: OrderChangeCause,
): Promise<OrderInputResult | null> {
  const input = inputFromDispute(dispute);
  if (!input) return null;
  const order = await lockOrder(tx, orderId);
  return applyOrderInput(tx, order, input, observedAt, cause);
}
