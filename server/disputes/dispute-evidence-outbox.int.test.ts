import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { countOutbox } from "../jobs/outbox/count-outbox";
import { dispatchDueEffects } from "../jobs/outbox/dispatch-due-effects";
import { createTestStaff, seedPaidOrder } from "../refunds/testing/seed-paid-order";
import { createStripeClient } from "../stripe/client";
import { controlHeaders, type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { unreachableStripe } from "../stripe-sandbox/testing/unreachable-stripe";
import { prepareDisputeChange } from "../webhooks/apply-dispute-change";
import { DISPUTE_EFFECTS } from "./dispute-effects";
import { submitDisputeEvidence } from "./submit-dispute-evidence";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;
let unreachable: Stripe;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ port: 0 })]);
  stripe = createStripeClient({ apiUrl: sandbox.url });
  unreachable = await unreachableStripe();
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

async function setFaults(faults: Record<string, unknown>) {
  const response = await fetch(`${sandbox.url}/_sandbox/faults`, {
    method: "POST",
    headers: controlHeaders(sandbox.controlToken),
    body: JSON.stringify(faults),
  });
  expect(response.ok).toBe(true);
}

async function openDispute(productName: string) {
  const order = await seedPaidOrder(database.prisma, stripe, {
    lines: [{ name: productName, quantity: 1, lineTotalMinor: 5_400 }],
    paymentMethod: "pm_card_createDispute",
  });
  const [stripeDispute] = (await stripe.disputes.list({ payment_intent: order.paymentIntentId })).data;
  const change = await prepareDisputeChange(database.prisma, stripe, stripeDispute!.id);
  await database.prisma.$transaction((tx) =>
    change(tx, { kind: "webhook", stripeEventId: `evt_${stripeDispute!.id}` }),
  );
  const dispute = await database.prisma.dispute.findUniqueOrThrow({ where: { stripeDisputeId: stripeDispute!.id } });
  return { dispute, stripeDisputeId: stripeDispute!.id };
}

async function expectOutboxBalanced() {
  const counts = await countOutbox(database.prisma);
  expect(counts.received).toBe(counts.processed + counts.pending + counts.dead);
}

describe("dispute evidence through the outbox", () => {
  it("while Stripe is unreachable answers 503, keeps the evidence claimed and durable, and the dispatcher submits it once", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const { dispute, stripeDisputeId } = await openDispute("Copper kettle");
    const evidence = { refund_refusal_explanation: "Delivered and signed for on 3 Nov." };

    const refused = await submitDisputeEvidence(
      { disputeId: dispute.id, evidence, submittedBy: support },
      { prisma: database.prisma, stripe: unreachable },
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", details: { retryAfterSeconds: 30 } });
    const claimed = await database.prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } });
    expect(claimed.evidenceSubmittedAt).not.toBeNull();
    // A second click while it is owed is refused: it is already on its way.
    await expect(
      submitDisputeEvidence(
        { disputeId: dispute.id, evidence, submittedBy: support },
        { prisma: database.prisma, stripe },
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const effect = await database.prisma.outboxEffect.findFirstOrThrow({ where: { subjectId: dispute.id } });
    expect(effect).toMatchObject({ kind: "stripe.dispute.submit_evidence", status: "pending", attempts: 1 });
    await expectOutboxBalanced();

    await database.prisma.outboxEffect.update({ where: { id: effect.id }, data: { nextAttemptAt: new Date(0) } });
    await dispatchDueEffects(DISPUTE_EFFECTS, { prisma: database.prisma, stripe });
    const atStripe = await stripe.disputes.retrieve(stripeDisputeId);
    expect(atStripe.evidence_details.submission_count).toBe(1);
    expect(atStripe.evidence.refund_refusal_explanation).toBe(evidence.refund_refusal_explanation);
    expect((await database.prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).status).toBe(
      "under_review",
    );
    const audit = await database.prisma.auditLog.findMany({ where: { subjectId: dispute.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "dispute.evidence_submitted", actorId: support.id })]);
    await expectOutboxBalanced();
  });

  it("a submission whose answer was lost is found at Stripe on the next attempt: submitted once, audited once", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const { dispute, stripeDisputeId } = await openDispute("Oak stool");
    await setFaults({
      seed: 11,
      api: { errorRate: 1, timing: "after", pathPrefix: `/v1/disputes/${stripeDisputeId}` },
    });
    const lost = await submitDisputeEvidence(
      { disputeId: dispute.id, evidence: { product_description: "Oak stool" }, submittedBy: support },
      { prisma: database.prisma, stripe },
    ).catch((error: unknown) => error);
    await setFaults({});
    expect(lost).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });

    await database.prisma.outboxEffect.updateMany({
      where: { subjectId: dispute.id },
      data: { nextAttemptAt: new Date(0) },
    });
    await dispatchDueEffects(DISPUTE_EFFECTS, { prisma: database.prisma, stripe });
    const effect = await database.prisma.outboxEffect.findFirstOrThrow({ where: { subjectId: dispute.id } });
    expect(effect).toMatchObject({ status: "done", attempts: 2 });
    expect(effect.result).toMatch(/^already at Stripe/);
    expect((await stripe.disputes.retrieve(stripeDisputeId)).evidence_details.submission_count).toBe(1);
    expect(await database.prisma.auditLog.count({ where: { subjectId: dispute.id } })).toBe(1);
    await expectOutboxBalanced();
  });
});
