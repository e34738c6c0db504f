import { recordAudit } from "../audit/record-audit";
import { Prisma, type Tx } from "../db/client";
import type { Refund } from "../db/generated/client";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import { formatMoney } from "../money";
import { enqueueRefundIssue, performRefundIssue } from "./issue-refund";
import { refuseWhileDisputed } from "./open-dispute";
import { orderLinesRefunded } from "./order-lines-refunded";
import { priceRefundLines, type RequestedRefundLine } from "./price-refund-lines";
import { REFUND_TX_OPTIONS, type RefundDeps, type StaffActor } from "./refund-deps";
import { refundNeedsApproval } from "./refund-needs-approval";
import type { RefundReasonCode } from "./refund-status";
import { lockCapturedPayment, refundableAmount } from "./refundable-amount";

export type RefundRequest = {
  orderId: string;
  /** Either an amount in minor units of the payment's currency… */
  amountMinor?: number;
  /** …or units of order lines. */
  lines?: RequestedRefundLine[];
  reasonCode: RefundReasonCode;
  note?: string;
  /** From the form; a repeat with the same key returns the first refund. */
  idempotencyKey: string;
  requestedBy: StaffActor;
};

export type RefundRequestResult = { refund: Refund; created: boolean };
type InsertedRefund = RefundRequestResult & { effectId?: string };

/**
 * Asks for a refund. In one transaction under the order's and the payment's row locks: check the refundable amount
 * and that no dispute is open, insert the refund, its audit row and (for a small refund) the outbox
 * effect that sends it to Stripe, which is then performed at once; larger ones, and small ones that
 * would take the payment's unapproved total past the threshold, wait for approval.
 */
export async function requestRefund(input: RefundRequest, deps: RefundDeps): Promise<RefundRequestResult> {
  if ((input.amountMinor === undefined) === (input.lines === undefined)) {
    throw new AppError("BAD_REQUEST", "Give either an amount or the lines to refund, not both");
  }
  if (!input.idempotencyKey.trim()) throw new AppError("BAD_REQUEST", "A refund request needs an idempotency key");
  let result: InsertedRefund;
  try {
    result = await runTransaction(deps.prisma, (tx) => insertRefund(tx, input, deps), REFUND_TX_OPTIONS);
  } catch (error) {
    // Two first attempts with one key on different payments do not share a lock; the unique key decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await deps.prisma.refund.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (existing) return { refund: sameRequestOrConflict(existing, input), created: false };
    }
    throw error;
  }
  if (result.effectId) {
    return { refund: await performRefundIssue(result.effectId, result.refund.id, deps), created: true };
  }
  return { refund: result.refund, created: result.created };
}

async function insertRefund(tx: Tx, input: RefundRequest, deps: RefundDeps): Promise<InsertedRefund> {
  const payment = await lockCapturedPayment(tx, input.orderId);
  const existing = await tx.refund.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return { refund: sameRequestOrConflict(existing, input), created: false };
  await refuseWhileDisputed(tx, payment.id);

  const priced = input.lines ? await priceLines(tx, input.orderId, input.lines) : null;
  const amountMinor = priced ? priced.amountMinor : input.amountMinor!;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    throw new AppError("BAD_REQUEST", "A refund amount must be a whole number of minor units above zero");
  }
  const before = await refundableAmount(tx, payment);
  if (amountMinor > before.refundableMinor) {
    throw new AppError(
      "UNPROCESSABLE",
      `At most ${formatMoney(before.refundableMinor, payment.currency)} can be refunded on this payment (asked ${formatMoney(amountMinor, payment.currency)})`,
      { refundableMinor: before.refundableMinor, currency: payment.currency },
    );
  }
  const needsApproval = await refundNeedsApproval(tx, {
    paymentId: payment.id,
    amountMinor,
    thresholdMinor: deps.approvalThresholdMinor,
  });
  const refund = await tx.refund.create({
    data: {
      orderId: input.orderId,
      paymentId: payment.id,
      status: needsApproval ? "awaiting_approval" : "issuing",
      currency: payment.currency,
      amountMinor,
      reasonCode: input.reasonCode,
      note: input.note?.trim() || null,
      source: "staff",
      idempotencyKey: input.idempotencyKey,
      requestedById: input.requestedBy.id,
      lines: priced ? { create: priced.lines } : undefined,
    },
  });
  await recordAudit(tx, {
    actor: { kind: "staff", staffUserId: input.requestedBy.id },
    action: "refund.requested",
    subject: { type: "refund", id: refund.id },
    amount: { minor: amountMinor, currency: payment.currency },
    reason: [input.reasonCode, input.note?.trim()].filter(Boolean).join(": "),
    before: { orderId: input.orderId, refundableMinor: before.refundableMinor },
    after: { status: refund.status, refundableMinor: before.refundableMinor - amountMinor, lines: priced?.lines ?? [] },
  });
  // The Stripe call is durable before it is made: its outbox effect commits with the refund.
  const effectId = refund.status === "issuing" ? await enqueueRefundIssue(tx, refund.id) : undefined;
  return { refund, created: true, effectId };
}

async function priceLines(tx: Tx, orderId: string, requested: RequestedRefundLine[]) {
  return priceRefundLines(await orderLinesRefunded(tx, orderId), requested);
}

/** Stripe's rule for idempotency keys: the same key with other parameters is an error, not a replay. */
function sameRequestOrConflict(existing: Refund, input: RefundRequest): Refund {
  const sameAmount = input.amountMinor === undefined || input.amountMinor === existing.amountMinor;
  if (existing.orderId !== input.orderId || !sameAmount) {
    throw new AppError("CONFLICT", "This idempotency key was already used for a different refund");
  }
  return existing;
}
