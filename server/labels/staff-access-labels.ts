import { PERMISSIONS, type Permission } from "../auth/permissions";
import type { StaffRole } from "../db/generated/enums";

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: "Admin",
  support: "Support",
  finance: "Finance",
  risk: "Risk analyst",
};

/** What each permission lets a person do, as the forbidden notice finishes "It is for people who …". */
export const PERMISSION_LABELS: Record<Permission, string> = {
  "orders.read": "look up orders, payments and disputes",
  "orders.cancel": "cancel orders that are not paid",
  "refunds.request": "request refunds",
  "refunds.approve": "approve or reject refunds above the approval limit",
  "disputes.respond": "answer disputes with evidence",
  "fraud.review": "review payments held by the fraud rules",
  "fraud.rules.manage": "write the fraud rules and keep the saved lists",
  "ledger.read": "read the ledger",
  "reconciliation.read": "reconcile PayOps with Stripe and the bank",
  "reconciliation.resolve": "work reconciliation differences to a resolution",
  "health.read": "watch the health of payments and background work",
  "accounting.read": "follow what PayOps sends to the accounting system",
  "accounting.sync": "send journals to the accounting system, retry them and export them",
  "accounting.connect": "connect accounting systems and map their accounts",
  "audit.read": "read the audit log of staff actions",
  "users.manage": "add staff and change their roles",
  "webhooks.replay": "send Stripe events through again",
  "operations.manage": "watch and repair background work",
};

export const roleLabel = (role: string) => ROLE_LABELS[role as StaffRole] ?? role;

/** "Admin and Finance": the roles holding a permission, in words. */
export function rolesWithPermission(permission: Permission): string {
  const roles = (PERMISSIONS[permission] as readonly StaffRole[]).map((role) => ROLE_LABELS[role]);
  return roles.length <= 1 ? (roles[0] ?? "no role") : `${roles.slice(0, -1).join(", ")} and ${roles.at(-1)}`;
}
