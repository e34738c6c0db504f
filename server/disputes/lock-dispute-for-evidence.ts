import type { Tx } from "../db/client";
import type { Dispute } from "../db/generated/client";
import { AppError } from "../errors";
import { AWAITING_EVIDENCE_STATUSES, type DisputeStatus } from "./dispute-status";

/** Locks a dispute whose evidence may still change: not yet submitted, and Stripe still takes evidence. */
export async function lockDisputeForEvidence(tx: Tx, disputeId: string): Promise<Dispute> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "disputes" WHERE "id" = ${disputeId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "No such dispute");
  const dispute = await tx.dispute.findUniqueOrThrow({ where: { id: disputeId } });
  if (dispute.evidenceSubmittedAt) {
    throw new AppError("CONFLICT", "Evidence for this dispute was already submitted; Stripe takes it once");
  }
  if (!(AWAITING_EVIDENCE_STATUSES as readonly string[]).includes(dispute.status as DisputeStatus)) {
    throw new AppError(
      "CONFLICT",
      `This dispute no longer takes evidence (it is ${dispute.status.replaceAll("_", " ")})`,
    );
  }
  return dispute;
}
