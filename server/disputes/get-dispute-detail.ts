import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { shippingAddressOf } from "../formatting/format-address";
import { buildEvidencePrefill } from "./build-evidence-prefill";
import { compactEvidence, type DisputeEvidence } from "./dispute-evidence";
import { AWAITING_EVIDENCE_STATUSES, type DisputeStatus } from "./dispute-status";

/**
 * A dispute with its order and the evidence form's contents: the saved draft, or the order's facts
 * when nothing was saved yet. The form is editable only until evidence is submitted, and only while
 * Stripe still takes evidence.
 */
export async function getDisputeDetail(prisma: PrismaClient, disputeId: string, now = new Date()) {
  const dispute = await prisma.dispute.findUnique({
    where: { id: disputeId },
    include: {
      payment: { select: { stripePaymentIntentId: true, latestChargeId: true } },
      order: { include: { customer: true, items: { orderBy: { productName: "asc" } } } },
    },
  });
  if (!dispute) throw new AppError("NOT_FOUND", "No such dispute");
  const { order } = dispute;
  const prefill = buildEvidencePrefill({
    orderId: order.id,
    publicToken: order.publicToken,
    createdAt: order.createdAt,
    currency: order.currency,
    totalMinor: order.totalMinor,
    customer: { name: order.customer.name, email: order.customer.email },
    shipping: shippingAddressOf(order),
    items: order.items,
    paymentIntentId: dispute.payment.stripePaymentIntentId,
  });
  // A draft saved before a field took files may hold text there: compacting drops it, so the form
  // never sends Stripe text where a file id belongs.
  const draft = dispute.evidenceDraft as DisputeEvidence | null;
  const evidence = draft ? compactEvidence(draft) : prefill;
  const acceptsEvidence = (AWAITING_EVIDENCE_STATUSES as readonly string[]).includes(dispute.status as DisputeStatus);
  return {
    dispute,
    evidence,
    evidenceIsDraft: dispute.evidenceDraft !== null,
    readOnly: dispute.evidenceSubmittedAt !== null || !acceptsEvidence,
    timeLeftMs: dispute.evidenceDueBy ? dispute.evidenceDueBy.getTime() - now.getTime() : null,
  };
}
