import { describe, expect, it } from "vitest";
import { auditReasonInWords, describeAuditChange } from "./describe-audit-change";

describe("describeAuditChange", () => {
  it("writes a refund approval as a status change in words, without ids", () => {
    expect(
      describeAuditChange({
        action: "refund.approved",
        currency: "USD",
        before: { status: "awaiting_approval", requestedById: "7d1c…" },
        after: { status: "issuing", approvedById: "9f2e…" },
      }),
    ).toEqual([{ field: "Status", before: "Awaiting approval", after: "Sending to Stripe" }]);
  });

  it("writes a reconciliation difference's assignment and resolution in finance's words", () => {
    expect(
      describeAuditChange({
        action: "reconciliation.break_assigned",
        currency: null,
        before: { status: "open", ownerId: null, dueAt: null },
        after: { status: "assigned", ownerId: "5c1e…", dueAt: "2026-12-15T00:00:00.000Z" },
      }),
    ).toEqual([
      { field: "Status", before: "Open", after: "Assigned" },
      { field: "Due", before: "—", after: "Dec 15, 2026" },
    ]);
    expect(
      describeAuditChange({
        action: "reconciliation.adjusting_entry_posted",
        currency: "USD",
        before: { ledgerTransactionId: null },
        after: {
          ledgerTransactionId: "a1…",
          reasonCode: "fee_adjustment",
          debitAccount: "6010",
          creditAccount: "1020",
        },
      }),
    ).toEqual([
      { field: "Adjustment", before: null, after: "Stripe fee correction" },
      { field: "Debit account", before: null, after: "6010" },
      { field: "Credit account", before: null, after: "1020" },
    ]);
    expect(
      describeAuditChange({
        action: "reconciliation.break_resolved",
        currency: null,
        before: { status: "assigned" },
        after: { status: "resolved", resolution: "adjusting_entry", ledgerTransactionId: "a1…" },
      }),
    ).toEqual([
      { field: "Status", before: "Assigned", after: "Resolved" },
      { field: "Resolution", before: null, after: "Adjusting entry" },
    ]);
  });

  it("writes a fraud rule's new version in words: its text, its action, its version", () => {
    expect(
      describeAuditChange({
        action: "fraud.rule_edited",
        currency: null,
        before: {
          source: "Block if :email_domain: = 'x.test'",
          action: "block",
          position: 0,
          enabled: true,
          version: 1,
        },
        after: {
          source: "Review if :email_domain: = 'x.test'",
          action: "review",
          position: 0,
          enabled: true,
          version: 2,
        },
      }),
    ).toEqual([
      { field: "Rule", before: "Block if :email_domain: = 'x.test'", after: "Review if :email_domain: = 'x.test'" },
      { field: "Action", before: "Block", after: "Send to review" },
      { field: "Version", before: "1", after: "2" },
    ]);
    expect(
      describeAuditChange({
        action: "fraud.review_approved",
        currency: "USD",
        before: { review: "open", order: "in_review" },
        after: { review: "approved", paymentIntent: "capture" },
      }),
    ).toEqual([
      { field: "Review", before: "Open", after: "Approved" },
      { field: "Order status", before: "In review", after: null },
      { field: "At Stripe", before: null, after: "Capture" },
    ]);
  });

  it("shows amounts in the entry's currency (JPY without decimals) and only what changed", () => {
    expect(
      describeAuditChange({
        action: "refund.requested",
        currency: "JPY",
        before: { orderId: "o1", refundableMinor: 5000 },
        after: { status: "pending", refundableMinor: 3000, lines: [] },
      }),
    ).toEqual([
      { field: "Left to refund", before: "¥5,000", after: "¥3,000" },
      { field: "Status", before: null, after: "Pending" },
      { field: "Lines refunded", before: null, after: "none" },
    ]);
  });

  it("names roles and dispute statuses by their labels", () => {
    expect(
      describeAuditChange({
        action: "staff.role_changed",
        currency: null,
        before: { role: "risk" },
        after: { role: "admin" },
      }),
    ).toEqual([{ field: "Role", before: "Risk analyst", after: "Admin" }]);
    expect(
      describeAuditChange({
        action: "dispute.evidence_submitted",
        currency: "EUR",
        before: { status: "needs_response", submitted: false },
        after: { status: "under_review", submitted: true },
      }),
    ).toEqual([
      { field: "Status", before: "Needs a response", after: "Under review by the bank" },
      { field: "Evidence submitted", before: "No", after: "Yes" },
    ]);
  });
});

describe("auditReasonInWords", () => {
  it("writes reason codes as the refund form does, keeping the note", () => {
    expect(auditReasonInWords("refund.requested", "damaged: box crushed")).toBe("Arrived damaged: box crushed");
    expect(auditReasonInWords("refund.approved", "Approved: requested_by_customer")).toBe("Approved: Customer asked");
    expect(auditReasonInWords("dispute.accepted", "fraudulent")).toBe("Fraudulent (card not authorised)");
    expect(auditReasonInWords("staff.role_changed", "moved to finance")).toBe("moved to finance");
  });
});
