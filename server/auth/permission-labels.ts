import type { Permission } from "./permissions";

/** Each permission in the words a staff member reads on a screen (never the key itself). */
export const PERMISSION_LABELS: Record<Permission, string> = {
  "orders.read": "viewing orders",
  "refunds.request": "requesting refunds",
  "refunds.approve": "approving refunds",
  "disputes.respond": "answering disputes",
  "fraud.review": "reviewing payments held for fraud checks",
  "ledger.read": "viewing the ledger",
  "reconciliation.read": "viewing reconciliation",
  "reconciliation.resolve": "working reconciliation differences",
  "audit.read": "viewing the audit log",
  "health.read": "viewing the health page",
  "users.manage": "managing staff",
  "webhooks.replay": "replaying Stripe events",
  "operations.manage": "managing operations",
};

export const permissionLabel = (permission: Permission) => PERMISSION_LABELS[permission];
