import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../audit/audit-actions";
import { PERMISSIONS, type Permission, STAFF_ROLES } from "../auth/permissions";
import { DISPUTE_STATUSES } from "../disputes/dispute-status";
import { FRAUD_LIST_KINDS } from "../fraud/management/fraud-list-kinds";
import { RULE_ACTIONS } from "../fraud/rules/rule-ast";
import { ORDER_STATES } from "../orders/order-states";
import { REFUND_REASON_CODES, REFUND_STATUSES } from "../refunds/refund-status";
import { EARLY_FRAUD_WARNING_TYPES } from "../stripe-sandbox/resources/early-fraud-warnings";
import { HANDLED_EVENT_TYPES } from "../webhooks/handled-event-types";
import { customerOrderStatusLabel } from "./customer-labels";
import { decisionActionLabel, fraudListKindLabel, ruleActionLabel, ruleChangeLabel } from "./fraud-rule-labels";
import { FRAUD_TYPE_LABELS, WARNING_POLICY_LABELS } from "./fraud-warning-labels";
import { ALERT_LABELS, alertLabel, declineCodeLabel } from "./health-labels";
import { inWords } from "./in-words";
import { PERMISSION_LABELS, roleLabel, rolesWithPermission } from "./staff-access-labels";
import { auditActionLabel, orderChangeCauseLabel, stripeEventLabel } from "./staff-event-labels";
import {
  disputeStatusLabel,
  paymentStatusLabel,
  refundReasonLabel,
  refundStatusLabel,
  staffOrderStatusLabel,
} from "./staff-state-labels";

const RAW = /_|\bpayment_intent\b|\bcharge\.|\bevt_/;

describe("labels", () => {
  it("names every order state in words for both audiences", () => {
    for (const state of ORDER_STATES) {
      expect(customerOrderStatusLabel(state)).not.toMatch(RAW);
      expect(staffOrderStatusLabel(state)).not.toMatch(RAW);
    }
    expect(customerOrderStatusLabel("payment_failed")).toBe("Payment failed");
    expect(staffOrderStatusLabel("pending_payment")).toBe("Pending payment");
  });

  it("tells staff a dispute's outcome and keeps it from the customer", () => {
    expect(staffOrderStatusLabel("dispute_won")).toBe("Dispute won");
    expect(staffOrderStatusLabel("dispute_lost")).toBe("Dispute lost");
    expect(customerOrderStatusLabel("dispute_won")).toBe("Paid");
    expect(customerOrderStatusLabel("dispute_lost")).toBe("Disputed");
  });

  it("has a word for every refund, dispute, Stripe event and audit value PayOps knows", () => {
    const known = [
      ...REFUND_STATUSES.map(refundStatusLabel),
      ...REFUND_REASON_CODES.map(refundReasonLabel),
      ...DISPUTE_STATUSES.map(disputeStatusLabel),
      ...HANDLED_EVENT_TYPES.map(stripeEventLabel),
      ...AUDIT_ACTIONS.map(auditActionLabel),
      ...RULE_ACTIONS.map(ruleActionLabel),
      ...RULE_ACTIONS.map(decisionActionLabel),
      ...FRAUD_LIST_KINDS.map(fraudListKindLabel),
      ...(["created", "edited", "enabled", "disabled", "moved"] as const).map(ruleChangeLabel),
      ...Object.values(WARNING_POLICY_LABELS),
    ];
    for (const type of EARLY_FRAUD_WARNING_TYPES) expect(FRAUD_TYPE_LABELS[type]).toMatch(/^[A-Z][a-z -]+$/);
    for (const label of known) expect(label).not.toMatch(RAW);
    // The refund form's words, not Stripe's.
    expect(refundReasonLabel("requested_by_customer")).toBe("Customer asked");
    expect(refundStatusLabel("awaiting_approval")).toBe("Awaiting approval");
    expect(disputeStatusLabel("under_review")).toBe("Under review by the bank");
  });

  it("keeps the payment's words apart from the order's", () => {
    expect(paymentStatusLabel("requires_payment_method")).toBe("Waiting for a card");
    expect(paymentStatusLabel("succeeded")).not.toBe(staffOrderStatusLabel("paid"));
  });

  it("drops the id from a stored cause", () => {
    expect(orderChangeCauseLabel("stripe_event:evt_123")).toBe("from a Stripe event");
    expect(orderChangeCauseLabel("return_page")).toBe("when the customer came back from paying");
  });

  it("writes a value it does not know yet as words", () => {
    expect(customerOrderStatusLabel("something_new")).toBe("Something new");
    expect(staffOrderStatusLabel("something_new")).toBe("Something new");
    expect(stripeEventLabel("invoice.paid")).toBe("Invoice paid");
    expect(inWords("toString")).toBe("ToString");
    expect(staffOrderStatusLabel("toString")).toBe("ToString");
  });

  it("names the Health page's alerts and decline codes in words", () => {
    for (const alert of Object.keys(ALERT_LABELS) as (keyof typeof ALERT_LABELS)[]) {
      expect(alertLabel(alert)).not.toMatch(/_|Payops/);
    }
    expect(declineCodeLabel("insufficient_funds")).toBe("Insufficient funds");
    expect(declineCodeLabel("payment_intent_authentication_failure")).not.toMatch(RAW);
    expect(declineCodeLabel("some_new_code")).toBe("Some new code");
  });

  it("says who holds each permission in words, never its key", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(PERMISSION_LABELS[permission]).not.toMatch(/\w\.\w|_/);
      expect(rolesWithPermission(permission)).not.toMatch(/\w\.\w|_/);
    }
    for (const role of STAFF_ROLES) expect(roleLabel(role)).toMatch(/^[A-Z]/);
    expect(rolesWithPermission("audit.read")).toBe("Admin and Finance");
    expect(rolesWithPermission("orders.read")).toBe("Admin, Support, Finance and Risk analyst");
    expect(rolesWithPermission("users.manage")).toBe("Admin");
  });
});
