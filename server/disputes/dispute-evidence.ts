import { z } from "zod";

/** The evidence fields the form offers, by Stripe's names. Text only; files go through the Dashboard. */
export const EVIDENCE_FIELDS = [
  "customer_name",
  "customer_email_address",
  "billing_address",
  "shipping_address",
  "shipping_carrier",
  "shipping_tracking_number",
  "shipping_date",
  "receipt",
  "product_description",
  "customer_communication",
  "refund_policy",
  "refund_refusal_explanation",
  "uncategorized_text",
] as const;

export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** Stripe caps the combined text of all evidence at 150,000 characters. */
export const EVIDENCE_TEXT_LIMIT = 150_000;

export const disputeEvidenceSchema = z
  .object(
    Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, z.string().max(20_000).optional()])) as Record<
      EvidenceField,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict()
  .refine(
    (evidence) => Object.values(evidence).reduce((sum, text) => sum + (text?.length ?? 0), 0) <= EVIDENCE_TEXT_LIMIT,
    `Evidence may hold at most ${EVIDENCE_TEXT_LIMIT.toLocaleString("en-US")} characters in all`,
  );

export type DisputeEvidence = Partial<Record<EvidenceField, string>>;

/** Drops empty fields: Stripe treats an empty string as "unset", and so do we. */
export function compactEvidence(evidence: DisputeEvidence): DisputeEvidence {
  const compact: DisputeEvidence = {};
  for (const field of EVIDENCE_FIELDS) {
    const text = evidence[field]?.trim();
    if (text) compact[field] = text;
  }
  return compact;
}
