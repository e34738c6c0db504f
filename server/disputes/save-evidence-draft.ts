import type { Dispute } from "../db/generated/client";
import type { DisputeActor, DisputeDeps } from "./dispute-deps";
import { compactEvidence, type DisputeEvidence } from "./dispute-evidence";
import { lockDisputeForEvidence } from "./lock-dispute-for-evidence";

/** Keeps the evidence form's contents in PayOps; nothing goes to Stripe until it is submitted. */
export async function saveEvidenceDraft(
  input: { disputeId: string; evidence: DisputeEvidence; savedBy: DisputeActor },
  deps: Pick<DisputeDeps, "prisma">,
): Promise<Dispute> {
  return deps.prisma.$transaction(async (tx) => {
    await lockDisputeForEvidence(tx, input.disputeId);
    return tx.dispute.update({
      where: { id: input.disputeId },
      data: {
        evidenceDraft: compactEvidence(input.evidence),
        evidenceSavedAt: new Date(),
        evidenceSavedById: input.savedBy.id,
      },
    });
  });
}
