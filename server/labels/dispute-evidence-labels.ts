import type { EvidenceFileField, EvidenceTextField } from "../disputes/dispute-evidence";

/** Staff's words for Stripe's evidence fields on the dispute page. */
const TEXT_FIELD_LABELS: Record<EvidenceTextField, string> = {
  customer_name: "Customer name",
  customer_email_address: "Customer email",
  billing_address: "Billing address",
  shipping_address: "Shipping address",
  shipping_carrier: "Shipping carrier",
  shipping_tracking_number: "Tracking number",
  shipping_date: "Shipping date",
  product_description: "Product description",
  refund_policy_disclosure: "How the refund policy was shown to the customer",
  refund_refusal_explanation: "Why the customer was not refunded",
  uncategorized_text: "Order facts and anything else",
};

const FILE_FIELD_LABELS: Record<EvidenceFileField, string> = {
  receipt: "Receipt",
  shipping_documentation: "Proof of shipping or delivery",
  customer_communication: "Communication with the customer",
  refund_policy: "Refund policy",
  service_documentation: "Proof the service was provided",
  uncategorized_file: "Any other document",
};

export function evidenceTextFieldLabel(field: EvidenceTextField): string {
  return TEXT_FIELD_LABELS[field];
}

export function evidenceFileFieldLabel(field: EvidenceFileField): string {
  return FILE_FIELD_LABELS[field];
}

/** Said under every file input, so staff know Stripe's rules before choosing a file. */
export const EVIDENCE_FILE_HINT = "PDF, JPEG or PNG, at most 5 MB; all files together at most 4.5 MB.";

export const EVIDENCE_FILE_ATTACHED = "File attached";
