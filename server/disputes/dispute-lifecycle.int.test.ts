import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { requestRefund } from "../refunds/request-refund";
import { createTestStaff, seedPaidOrder } from "../refunds/testing/seed-paid-order";
import { createStripeClient } from "../stripe/client";
import { controlHeaders, type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { prepareDisputeChange } from "../webhooks/apply-dispute-change";
import { getDisputeDetail } from "./get-dispute-detail";
import { listDisputes } from "./list-disputes";
import { saveEvidenceDraft } from "./save-evidence-draft";
import { submitDisputeEvidence } from "./submit-dispute-evidence";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ port: 0 })]);
  stripe = createStripeClient({ apiUrl: sandbox.url });
});

afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

/** What a charge.dispute.* webhook does: the pipeline's own change for the dispute, in one transaction. */
async function deliverDisputeEvent(disputeId: string, eventId: string) {
  const change = await prepareDisputeChange(database.prisma, stripe, disputeId);
  return database.prisma.$transaction((tx) => change(tx, { kind: "webhook", stripeEventId: eventId }));
}

describe("a dispute from the dispute test card", () => {
  it("is listed by deadline, takes evidence once, blocks refunds, and a loss updates order and ledger", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Cast iron teapot", quantity: 1, lineTotalMinor: 8900 }],
      paymentMethod: "pm_card_createDispute",
    });
    const [stripeDispute] = (await stripe.disputes.list({ payment_intent: order.paymentIntentId })).data;
    expect(stripeDispute).toBeDefined();
    await deliverDisputeEvent(stripeDispute!.id, "evt_dispute_created");
    await deliverDisputeEvent(stripeDispute!.id, "evt_dispute_created");

    const listed = await listDisputes(database.prisma, "open");
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      stripeDisputeId: stripeDispute!.id,
      status: "needs_response",
      reason: "fraudulent",
    });
    expect(listed[0]!.evidenceDueBy?.getTime()).toBe(stripeDispute!.evidence_details.due_by! * 1000);
    expect(listed[0]!.timeLeftMs).toBeGreaterThan(0);
    const orderRow = await database.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } });
    expect(orderRow.status).toBe("disputed");
    const withdrawn = await database.prisma.ledgerTransaction.findMany({
      where: { kind: "dispute_funds_withdrawn", orderId: order.orderId },
    });
    expect(withdrawn).toHaveLength(1);

    await expect(
      requestRefund(
        {
          orderId: order.orderId,
          amountMinor: 100,
          reasonCode: "goodwill",
          idempotencyKey: "during-dispute",
          requestedBy: support,
        },
        { prisma: database.prisma, stripe, approvalThresholdMinor: 10_000 },
      ),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });

    const disputeId = listed[0]!.id;
    const detail = await getDisputeDetail(database.prisma, disputeId);
    expect(detail.readOnly).toBe(false);
    expect(detail.evidence).toMatchObject({
      customer_name: "Grace Hopper",
      product_description: "Cast iron teapot (quantity 1)",
    });
    expect(detail.evidence.shipping_address).toContain("1 Compiler Lane");

    const evidence = {
      ...detail.evidence,
      refund_refusal_explanation: "Customer confirmed delivery by email on 2 Nov.",
    };
    await saveEvidenceDraft({ disputeId, evidence, savedBy: support }, database);
    expect((await getDisputeDetail(database.prisma, disputeId)).evidence.refund_refusal_explanation).toBe(
      evidence.refund_refusal_explanation,
    );

    const submitted = await submitDisputeEvidence(
      { disputeId, evidence, submittedBy: support },
      { prisma: database.prisma, stripe },
    );
    expect(submitted.status).toBe("under_review");
    const inStripe = await stripe.disputes.retrieve(stripeDispute!.id);
    expect(inStripe.evidence.refund_refusal_explanation).toBe(evidence.refund_refusal_explanation);
    expect(inStripe.evidence.customer_email_address).toBe(detail.evidence.customer_email_address);
    expect(inStripe.evidence_details.submission_count).toBe(1);
    await expect(
      submitDisputeEvidence({ disputeId, evidence, submittedBy: support }, { prisma: database.prisma, stripe }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getDisputeDetail(database.prisma, disputeId)).readOnly).toBe(true);
    const audit = await database.prisma.auditLog.findMany({ where: { subjectId: disputeId } });
    expect(audit).toEqual([
      expect.objectContaining({ action: "dispute.evidence_submitted", actorId: support.id, amountMinor: 8900 }),
    ]);

    const settle = await fetch(`${sandbox.url}/_sandbox/disputes/${stripeDispute!.id}/settle`, {
      method: "POST",
      headers: controlHeaders(sandbox.controlToken),
      body: JSON.stringify({ outcome: "lost" }),
    });
    expect(settle.status).toBe(200);
    await deliverDisputeEvent(stripeDispute!.id, "evt_dispute_closed");

    const closed = await database.prisma.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    expect(closed.status).toBe("lost");
    expect(closed.closedAt).not.toBeNull();
    const lostOrder = await database.prisma.order.findUniqueOrThrow({
      where: { id: order.orderId },
      include: { statusHistory: { orderBy: { createdAt: "asc" } } },
    });
    expect(lostOrder.status).toBe("dispute_lost");
    expect(lostOrder.statusHistory.map((row) => row.toStatus)).toEqual(["disputed", "dispute_lost"]);
    expect(await listDisputes(database.prisma, "open")).toHaveLength(0);
    const reinstated = await database.prisma.ledgerTransaction.count({
      where: { kind: "dispute_funds_reinstated", orderId: order.orderId },
    });
    expect(reinstated).toBe(0);
  });

  it("won with Stripe's winning test evidence: the order records the win and the ledger the reinstatement", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Walnut serving board", quantity: 1, lineTotalMinor: 4900 }],
      paymentMethod: "pm_card_createDispute",
    });
    const [stripeDispute] = (await stripe.disputes.list({ payment_intent: order.paymentIntentId })).data;
    await deliverDisputeEvent(stripeDispute!.id, "evt_won_created");
    const dispute = await database.prisma.dispute.findUniqueOrThrow({ where: { stripeDisputeId: stripeDispute!.id } });
    const { evidence } = await getDisputeDetail(database.prisma, dispute.id);
    await submitDisputeEvidence(
      {
        disputeId: dispute.id,
        evidence: { ...evidence, uncategorized_text: "winning_evidence" },
        submittedBy: support,
      },
      { prisma: database.prisma, stripe },
    );
    await expect
      .poll(async () => (await stripe.disputes.retrieve(stripeDispute!.id)).status, { timeout: 15_000 })
      .toBe("won");
    await deliverDisputeEvent(stripeDispute!.id, "evt_won_closed");

    expect(await database.prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({
      status: "won",
    });
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe(
      "dispute_won",
    );
    const kinds = await database.prisma.ledgerTransaction.findMany({
      where: { orderId: order.orderId },
      select: { kind: true },
    });
    expect(kinds.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(["dispute_funds_withdrawn", "dispute_funds_reinstated"]),
    );
  });
});
