import { roleHasPermission } from "../auth/permissions";
import type { Tx } from "../db/client";
import type { Refund } from "../db/generated/client";
import { AppError } from "../errors";
import { lockRefund } from "./lock-refund";
import type { StaffActor } from "./refund-deps";

/**
 * Locks a refund awaiting approval and checks the maker-checker rule: the decider holds
 * refunds.approve and is not the person who asked for the refund.
 */
export async function lockRefundForDecision(tx: Tx, refundId: string, decidedBy: StaffActor): Promise<Refund> {
  if (!roleHasPermission(decidedBy.role, "refunds.approve")) {
    throw new AppError("FORBIDDEN", "Only finance or an admin can approve or reject refunds");
  }
  if (!(await lockRefund(tx, refundId))) throw new AppError("NOT_FOUND", "No such refund");
  const refund = await tx.refund.findUniqueOrThrow({ where: { id: refundId } });
  if (refund.status !== "awaiting_approval") {
    throw new AppError(
      "CONFLICT",
      `This refund is no longer awaiting approval (it is ${refund.status.replace("_", " ")})`,
    );
  }
  if (refund.requestedById === decidedBy.id) {
    throw new AppError("FORBIDDEN", "You cannot approve or reject a refund you requested");
  }
  return refund;
}
