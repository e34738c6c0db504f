/**
 * Stripe's rules for a file uploaded with purpose `dispute_evidence` (its file upload guide): PDF,
 * JPEG or PNG, at most 5 MB each. PayOps checks them before uploading, so staff read the reason at
 * once and nothing half-done reaches Stripe.
 */
export const EVIDENCE_FILE_MAX_BYTES = 5 * 1024 * 1024;

export const EVIDENCE_FILE_TYPES = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
} as const;

export type EvidenceFileType = keyof typeof EVIDENCE_FILE_TYPES;

/** The file's type read from its first bytes, as Stripe reads it; the name and the browser's claim do not count. */
export function evidenceFileType(bytes: Uint8Array): EvidenceFileType | null {
  const starts = (signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (starts([0xff, 0xd8, 0xff])) return "jpg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  return null;
}

/** What is wrong with a file as dispute evidence, in words for staff, or null when Stripe will take it. */
export function evidenceFileProblem(
  bytes: Uint8Array,
): { code: "BAD_REQUEST" | "PAYLOAD_TOO_LARGE"; message: string } | null {
  if (bytes.length === 0) return { code: "BAD_REQUEST", message: "The file is empty." };
  if (bytes.length > EVIDENCE_FILE_MAX_BYTES) {
    const megabytes = (bytes.length / (1024 * 1024)).toFixed(1);
    return {
      code: "PAYLOAD_TOO_LARGE",
      message: `The file is ${megabytes} MB; Stripe takes evidence files of at most 5 MB.`,
    };
  }
  if (!evidenceFileType(bytes)) {
    return {
      code: "BAD_REQUEST",
      message: "Stripe takes evidence files as PDF, JPEG or PNG; this file is none of them.",
    };
  }
  return null;
}
