import { DEFAULT_DATE_FORMAT, formatDate } from "../formatting/format-date-time";
import { formatMoney } from "../money/format-money";
import { adjustmentReasonLabel, breakStatusLabel, resolutionLabel } from "../reconciliation/reconciliation-labels";
import { fraudListKindLabel, ruleActionLabel } from "./fraud-rule-labels";
import { warningPolicyLabel } from "./fraud-warning-labels";
import { inWords } from "./in-words";
import { roleLabel } from "./staff-access-labels";
import {
  disputeReasonLabel,
  disputeStatusLabel,
  REFUND_REASON_LABELS,
  refundStatusLabel,
  staffOrderStatusLabel,
} from "./staff-state-labels";

export type AuditChangeLine = { field: string; before: string | null; after: string | null };

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  refundableMinor: "Left to refund",
  role: "Role",
  twoFactor: "Two-factor sign-in",
  required: "Two-factor required",
  active: "Active",
  submitted: "Evidence submitted",
  fields: "Evidence fields",
  lines: "Lines refunded",
  limit: "Limit",
  clientIp: "From address",
  recoveryCodesLeft: "Recovery codes left",
  recoveryCodes: "Recovery codes",
  email: "Email",
  dueAt: "Due",
  resolution: "Resolution",
  reasonCode: "Adjustment",
  debitAccount: "Debit account",
  creditAccount: "Credit account",
  source: "Rule",
  enabled: "Switched on",
  version: "Version",
  position: "Place in the rule order",
  alias: "List",
  kind: "Holds",
  entry: "Entry",
  policyAction: "What the policy did",
  warning: "Warning",
  review: "Review",
  order: "Order status",
  paymentIntent: "At Stripe",
};

/** Ids say nothing to a reader: the subject and actor columns already name who and what. */
const isIdField = (key: string) => /Id$|^id$/.test(key);

function valueInWords(key: string, value: unknown, context: { action: string; currency: string | null }): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (key.endsWith("Minor") && typeof value === "number" && context.currency)
    return formatMoney(value, context.currency);
  if (context.action.startsWith("reconciliation.") && typeof value === "string") {
    if (key === "status") return breakStatusLabel(value);
    if (key === "resolution") return resolutionLabel(value);
    if (key === "reasonCode") return adjustmentReasonLabel(value);
    // A due date is a calendar day, kept as midnight UTC.
    if (key === "dueAt") return formatDate(value, DEFAULT_DATE_FORMAT);
  }
  if (key === "status" && typeof value === "string") {
    return context.action.startsWith("dispute.") ? disputeStatusLabel(value) : refundStatusLabel(value);
  }
  if (key === "role" && typeof value === "string") return roleLabel(value);
  if (context.action.startsWith("fraud.") && typeof value === "string") {
    if (key === "action") return ruleActionLabel(value);
    if (key === "kind") return fraudListKindLabel(value);
    if (key === "policyAction") return warningPolicyLabel(value);
    if (key === "order") return staffOrderStatusLabel(value);
    if (key === "review" || key === "paymentIntent") return inWords(value);
  }
  if (Array.isArray(value)) return value.length === 0 ? "none" : String(value.length);
  if (typeof value === "object") return "changed";
  return String(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * An audit entry's before and after as a readable diff: one line per field that changed or was
 * set, in words (statuses and roles by their labels, amounts in the entry's currency), ids left out.
 * The raw JSON stays for the details toggle and the CSV.
 */
export function describeAuditChange(entry: {
  action: string;
  currency: string | null;
  before: unknown;
  after: unknown;
}): AuditChangeLine[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !isIdField(key));
  const lines: AuditChangeLine[] = [];
  for (const key of keys) {
    const had = Object.hasOwn(before, key);
    const has = Object.hasOwn(after, key);
    if (had && has && JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    lines.push({
      field: FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase()),
      before: had ? valueInWords(key, before[key], entry) : null,
      after: has ? valueInWords(key, after[key], entry) : null,
    });
  }
  return lines;
}

/** A stored reason in words: refund reason codes ("damaged: box crushed") and Stripe's dispute reasons. */
export function auditReasonInWords(action: string, reason: string | null): string | null {
  if (!reason) return null;
  if (action.startsWith("dispute.") && /^[a-z_]+$/.test(reason)) return disputeReasonLabel(reason);
  const match = /^(Approved: )?([a-z_]+)(: (.*))?$/s.exec(reason);
  const code = match?.[2];
  if (match && code && Object.hasOwn(REFUND_REASON_LABELS, code)) {
    const label = REFUND_REASON_LABELS[code as keyof typeof REFUND_REASON_LABELS];
    return `${match[1] ?? ""}${label}${match[4] ? `: ${match[4]}` : ""}`;
  }
  return reason;
}
