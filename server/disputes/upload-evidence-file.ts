import type Stripe from "stripe";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import { isStripeRefusal, isStripeUnavailable } from "../stripe/stripe-error-kind";
import { STRIPE_RETRY_AFTER_SECONDS } from "../stripe/stripe-unavailable";
import type { DisputeActor, DisputeDeps } from "./dispute-deps";
import { compactEvidence, type DisputeEvidence, type EvidenceFileField } from "./dispute-evidence";
import { EVIDENCE_FILE_TYPES, evidenceFileProblem, evidenceFileType } from "./evidence-file-rules";
import { getDisputeDetail } from "./get-dispute-detail";
import { lockDisputeForEvidence } from "./lock-dispute-for-evidence";

export type UploadedEvidenceFile = {
  field: EvidenceFileField;
  stripeFileId: string;
  filename: string;
  sizeBytes: number;
  type: string;
};

/**
 * Uploads one evidence file to Stripe's Files API (purpose `dispute_evidence`) and puts its id in
 * the dispute's draft, in the field it proves. The file is checked first (type from its bytes,
 * Stripe's 5 MB cap) and the dispute must still take evidence, so a refusal changes nothing. A
 * file at Stripe is inert until evidence names it, so an upload whose draft write then fails
 * leaves nothing to undo; the evidence itself reaches Stripe only when submitted, through the outbox.
 */
export async function uploadEvidenceFile(
  input: { disputeId: string; field: EvidenceFileField; filename: string; bytes: Uint8Array; uploadedBy: DisputeActor },
  deps: DisputeDeps,
): Promise<UploadedEvidenceFile> {
  const problem = evidenceFileProblem(input.bytes);
  if (problem) throw new AppError(problem.code, problem.message);
  const type = evidenceFileType(input.bytes)!;
  const { evidence: current } = await getDisputeDetail(deps.prisma, input.disputeId);
  await runTransaction(deps.prisma, (tx) => lockDisputeForEvidence(tx, input.disputeId));

  let file: Stripe.File;
  try {
    file = await deps.stripe.files.create({
      purpose: "dispute_evidence",
      file: { data: Buffer.from(input.bytes), name: input.filename, type: EVIDENCE_FILE_TYPES[type] },
    });
  } catch (error) {
    if (isStripeRefusal(error)) {
      throw new AppError("UNPROCESSABLE", `Stripe did not take the file: ${(error as Error).message}`);
    }
    if (isStripeUnavailable(error)) {
      throw new AppError("UPSTREAM_UNAVAILABLE", "Stripe could not be reached; the file was not attached. Try again.", {
        retryAfterSeconds: STRIPE_RETRY_AFTER_SECONDS,
      });
    }
    throw error;
  }

  await runTransaction(deps.prisma, async (tx) => {
    const dispute = await lockDisputeForEvidence(tx, input.disputeId);
    const draft = (dispute.evidenceDraft as DisputeEvidence | null) ?? current;
    await tx.dispute.update({
      where: { id: input.disputeId },
      data: {
        evidenceDraft: compactEvidence({ ...draft, [input.field]: file.id }),
        evidenceSavedAt: new Date(),
        evidenceSavedById: input.uploadedBy.id,
      },
    });
  });
  return {
    field: input.field,
    stripeFileId: file.id,
    filename: file.filename ?? input.filename,
    sizeBytes: file.size,
    type: file.type ?? type,
  };
}
