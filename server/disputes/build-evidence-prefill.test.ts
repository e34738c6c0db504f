import { describe, expect, it } from "vitest";
import { buildEvidencePrefill } from "./build-evidence-prefill";
import { compactEvidence, disputeEvidenceSchema } from "./dispute-evidence";

const facts = {
  orderId: "5b0c5d7e-8f0e-4d0b-9d53-6a1c8f0e2a11",
  publicToken: "tok",
  createdAt: new Date("2026-11-20T10:00:00Z"),
  currency: "EUR",
  totalMinor: 5400,
  customer: { name: "Ada Lovelace", email: "ada@example.com" },
  shipping: {
    name: "Ada Lovelace",
    line1: "1 Analytical Way",
    line2: null,
    city: "London",
    postalCode: "N1 9GU",
    country: "GB",
  },
  items: [
    { productName: "Stoneware mug", quantity: 2, lineTotalMinor: 3000 },
    { productName: "Brass pen", quantity: 1, lineTotalMinor: 2400 },
  ],
  paymentIntentId: "pi_123",
};

describe("buildEvidencePrefill", () => {
  it("fills customer, email, address, receipt and products from the order", () => {
    const evidence = buildEvidencePrefill(facts);
    expect(evidence.customer_name).toBe("Ada Lovelace");
    expect(evidence.customer_email_address).toBe("ada@example.com");
    expect(evidence.shipping_address).toBe("Ada Lovelace\n1 Analytical Way\nLondon\nN1 9GU\nUnited Kingdom");
    expect(evidence.uncategorized_text).toContain("2 × Stoneware mug: €30.00");
    expect(evidence.uncategorized_text).toContain("Total paid: €54.00");
    expect(evidence).not.toHaveProperty("receipt");
    expect(evidence.product_description).toBe("Stoneware mug (quantity 2); Brass pen (quantity 1)");
  });

  it("is valid evidence, and compacting drops the empty fields", () => {
    const evidence = buildEvidencePrefill(facts);
    expect(disputeEvidenceSchema.safeParse(evidence).success).toBe(true);
    expect(compactEvidence({ ...evidence, billing_address: "  " })).not.toHaveProperty("billing_address");
  });

  it("refuses fields Stripe does not know and text over the limit", () => {
    expect(disputeEvidenceSchema.safeParse({ card_number: "4242" }).success).toBe(false);
    const long = "x".repeat(20_000);
    const tooMuch = Object.fromEntries(
      [
        "refund_refusal_explanation",
        "product_description",
        "refund_policy_disclosure",
        "shipping_carrier",
        "uncategorized_text",
        "shipping_address",
        "billing_address",
        "customer_name",
      ].map((f) => [f, long]),
    );
    expect(disputeEvidenceSchema.safeParse(tooMuch).success).toBe(false);
  });
});

describe("evidence file fields", () => {
  it("take only the id of an uploaded file, and compacting drops text left in them", () => {
    expect(disputeEvidenceSchema.safeParse({ receipt: "file_1AbC" }).success).toBe(true);
    expect(disputeEvidenceSchema.safeParse({ receipt: "Paid in full" }).success).toBe(false);
    expect(compactEvidence({ receipt: "Paid in full", shipping_documentation: "file_9" })).toEqual({
      shipping_documentation: "file_9",
    });
  });
});
