import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";

/** A minimal PDF: its bytes start as every PDF's do. */
function pdf(bytes = 2_000): Buffer {
  const head = Buffer.from("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "latin1");
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), 0x20)]);
}

describe("files", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it("takes a PDF as dispute evidence through the SDK's multipart upload and retrieves it", async () => {
    const uploaded = await h.stripe.files.create({
      purpose: "dispute_evidence",
      file: { data: pdf(3_210), name: "delivery-proof.pdf", type: "application/pdf" },
    });
    expect(uploaded).toMatchObject({
      object: "file",
      purpose: "dispute_evidence",
      filename: "delivery-proof.pdf",
      size: 3_210,
      type: "pdf",
    });
    expect(uploaded.id).toMatch(/^file_/);
    expect(await h.stripe.files.retrieve(uploaded.id)).toEqual(uploaded);
    const listed = await h.stripe.files.list({ purpose: "dispute_evidence" });
    expect(listed.data.map((file) => file.id)).toContain(uploaded.id);
  });

  it("reads the type from the bytes: a PNG and a JPEG pass, text named .pdf is refused", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);
    const asPng = await h.stripe.files.create({ purpose: "dispute_evidence", file: { data: png, name: "a.png" } });
    const asJpeg = await h.stripe.files.create({ purpose: "dispute_evidence", file: { data: jpeg, name: "b.jpg" } });
    expect([asPng.type, asJpeg.type]).toEqual(["png", "jpg"]);
    await expect(
      h.stripe.files.create({
        purpose: "dispute_evidence",
        file: { data: Buffer.from("not really a pdf"), name: "notes.pdf", type: "application/pdf" },
      }),
    ).rejects.toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError", param: "file" });
  });

  it("refuses a file over 5 MB with Stripe's error and keeps nothing", async () => {
    const before = (await h.stripe.files.list({ limit: 100 })).data.length;
    const refused = await h.stripe.files
      .create({ purpose: "dispute_evidence", file: { data: pdf(5 * 1024 * 1024 + 1), name: "big.pdf" } })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError", param: "file" });
    expect((refused as Error).message).toMatch(/at most 5242880 bytes/);
    expect((await h.stripe.files.list({ limit: 100 })).data).toHaveLength(before);
  });

  it("lets evidence reference an uploaded file and refuses an unknown one", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 2_000,
      currency: "usd",
      payment_method: "pm_card_createDispute",
      confirm: true,
    });
    const [dispute] = (await h.stripe.disputes.list({ payment_intent: intent.id })).data;
    await expect(
      h.stripe.disputes.update(dispute!.id, { evidence: { receipt: "file_doesnotexist" }, submit: false }),
    ).rejects.toMatchObject({ statusCode: 400, param: "evidence[receipt]" });
    const receipt = await h.stripe.files.create({ purpose: "dispute_evidence", file: { data: pdf(), name: "r.pdf" } });
    const updated = await h.stripe.disputes.update(dispute!.id, { evidence: { receipt: receipt.id }, submit: false });
    expect(updated.evidence.receipt).toBe(receipt.id);
  });
});
