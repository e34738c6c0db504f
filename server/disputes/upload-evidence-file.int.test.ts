import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createTestStaff, seedPaidOrder } from "../refunds/testing/seed-paid-order";
import { createStripeClient } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { prepareDisputeChange } from "../webhooks/apply-dispute-change";
import { EVIDENCE_FILE_MAX_BYTES } from "./evidence-file-rules";
import { getDisputeDetail } from "./get-dispute-detail";
import { submitDisputeEvidence } from "./submit-dispute-evidence";
import { uploadEvidenceFile } from "./upload-evidence-file";

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

function pdf(size: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"));
  return bytes;
}

async function openDispute(productName: string) {
  const order = await seedPaidOrder(database.prisma, stripe, {
    lines: [{ name: productName, quantity: 1, lineTotalMinor: 6_100 }],
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

async function filesAtStripe(): Promise<number> {
  return (await stripe.files.list({ limit: 100 })).data.length;
}

describe("dispute evidence files", () => {
  it("uploads a PDF to Stripe's Files API and the submitted evidence names it", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const { dispute, stripeDisputeId } = await openDispute("Walnut tray");

    const uploaded = await uploadEvidenceFile(
      {
        disputeId: dispute.id,
        field: "shipping_documentation",
        filename: "signed-delivery.pdf",
        bytes: pdf(48_213),
        uploadedBy: support,
      },
      { prisma: database.prisma, stripe },
    );
    expect(uploaded).toMatchObject({
      field: "shipping_documentation",
      filename: "signed-delivery.pdf",
      sizeBytes: 48_213,
      type: "pdf",
    });

    // The file object exists at the sandbox with Stripe's purpose, size and type.
    const file = await stripe.files.retrieve(uploaded.stripeFileId);
    expect(file).toMatchObject({
      purpose: "dispute_evidence",
      size: 48_213,
      type: "pdf",
      filename: "signed-delivery.pdf",
    });

    // The draft holds the file's id beside the order's prefilled facts.
    const detail = await getDisputeDetail(database.prisma, dispute.id);
    expect(detail.evidence.shipping_documentation).toBe(file.id);
    expect(detail.evidence.product_description).toBe("Walnut tray (quantity 1)");

    await submitDisputeEvidence(
      { disputeId: dispute.id, evidence: detail.evidence, submittedBy: support },
      { prisma: database.prisma, stripe },
    );
    const atStripe = await stripe.disputes.retrieve(stripeDisputeId);
    expect(atStripe.status).toBe("under_review");
    expect(atStripe.evidence.shipping_documentation).toBe(file.id);
    expect(atStripe.evidence.product_description).toBe("Walnut tray (quantity 1)");

    // Submitted evidence is final: a later file is refused before it reaches Stripe.
    const before = await filesAtStripe();
    await expect(
      uploadEvidenceFile(
        { disputeId: dispute.id, field: "receipt", filename: "late.pdf", bytes: pdf(1_000), uploadedBy: support },
        { prisma: database.prisma, stripe },
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await filesAtStripe()).toBe(before);
  });

  it("drops text a draft from before file fields kept in them, so the form never sends it to Stripe", async () => {
    const { dispute } = await openDispute("Cork board");
    await database.prisma.dispute.update({
      where: { id: dispute.id },
      data: { evidenceDraft: { receipt: "Order placed 2 Nov", product_description: "Cork board" } },
    });
    const detail = await getDisputeDetail(database.prisma, dispute.id);
    expect(detail.evidence).toEqual({ product_description: "Cork board" });
  });

  it("refuses a file over 5 MB and one that is not PDF, JPEG or PNG, with the reason, and changes nothing", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const { dispute } = await openDispute("Linen apron");
    const before = await filesAtStripe();

    const tooLarge = await uploadEvidenceFile(
      {
        disputeId: dispute.id,
        field: "receipt",
        filename: "scan.pdf",
        bytes: pdf(EVIDENCE_FILE_MAX_BYTES + 1),
        uploadedBy: support,
      },
      { prisma: database.prisma, stripe },
    ).catch((error: unknown) => error);
    expect(tooLarge).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      httpStatus: 413,
      message: expect.stringContaining("at most 5 MB"),
    });

    const notAPdf = await uploadEvidenceFile(
      {
        disputeId: dispute.id,
        field: "customer_communication",
        filename: "emails.pdf",
        bytes: new TextEncoder().encode("From: customer@example.com\nThanks, it arrived!"),
        uploadedBy: support,
      },
      { prisma: database.prisma, stripe },
    ).catch((error: unknown) => error);
    expect(notAPdf).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
      message: expect.stringContaining("PDF, JPEG or PNG"),
    });

    expect(await filesAtStripe()).toBe(before);
    const unchanged = await database.prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } });
    expect(unchanged.evidenceDraft).toBeNull();
    expect(unchanged.evidenceSavedAt).toBeNull();
  });
});
