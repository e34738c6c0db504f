import { z } from "zod";

/** The evidence fields written as text, by Stripe's names. */
export const EVIDENCE_TEXT_FIELDS = [
  "customer_name",
  "customer_email_address",
  "billing_address",
  "shipping_address",
  "shipping_carrier",
  "shipping_tracking_number",
  "shipping_date",
  "product_description",
  "refund_policy_disclosure",
  "refund_refusal_explanation",
  "uncategorized_text",
] as const;

/**
 * The evidence fields that take a file (Stripe's names): each holds the id of a file uploaded to
 * Stripe's Files API with purpose `dispute_evidence`, never text.
 */
export const EVIDENCE_FILE_FIELDS = [
  "receipt",
  "shipping_documentation",
  "customer_communication",
  "refund_policy",
  "service_documentation",
  "uncategorized_file",
] as const;

export const EVIDENCE_FIELDS = [...EVIDENCE_TEXT_FIELDS, ...EVIDENCE_FILE_FIELDS] as const;

export type EvidenceTextField = (typeof EVIDENCE_TEXT_FIELDS)[number];
export type EvidenceFileField = (typeof EVIDENCE_FILE_FIELDS)[number];
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

export function isEvidenceFileField(field: string): field is EvidenceFileField {
  return (EVIDENCE_FILE_FIELDS as readonly string[]).includes(field);
}

/** Stripe caps the combined text of all evidence at 150,000 characters. */
export const EVIDENCE_TEXT_LIMIT = 150_000;

const stripeFileId = z
  .string()
  .regex(/^(file_[A-Za-z0-9]+)?$/, "expected the id of an uploaded file")
  .optional();

export const disputeEvidenceSchema = z
  .object({
    ...(Object.fromEntries(EVIDENCE_TEXT_FIELDS.map((field) => [field, z.string().max(20_000).optional()])) as Record<
      EvidenceTextField,
      z.ZodOptional<z.ZodString>
    >),
    ...(Object.fromEntries(EVIDENCE_FILE_FIELDS.map((field) => [field, stripeFileId])) as Record<
      EvidenceFileField,
      typeof stripeFileId
    >),
  })
  .strict()
  .refine(
    (evidence) =>
      EVIDENCE_TEXT_FIELDS.reduce((sum, field) => sum + (evidence[field]?.length ?? 0), 0) <= EVIDENCE_TEXT_LIMIT,
    `Evidence may hold at most ${EVIDENCE_TEXT_LIMIT.toLocaleString("en-US")} characters in all`,
  );

export type DisputeEvidence = Partial<Record<EvidenceField, string>>;

/** Drops empty fields, and fields Stripe would not take: Stripe treats an empty string as "unset", and so do we. */
export function compactEvidence(evidence: DisputeEvidence): DisputeEvidence {
  const compact: DisputeEvidence = {};
  for (const field of EVIDENCE_FIELDS) {
    const value = evidence[field]?.trim();
    if (!value) continue;
    // A draft from before a field took files may hold text there; Stripe would refuse it.
    if (isEvidenceFileField(field) && !value.startsWith("file_")) continue;
    compact[field] = value;
  }
  return compact;
}
