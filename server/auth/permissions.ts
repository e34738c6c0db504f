import type { StaffRole } from "../db/generated/enums";

export const STAFF_ROLES = ["admin", "support", "finance", "risk"] as const satisfies readonly StaffRole[];

/**
 * Who may do what, as data. Procedures are gated by a permission name from this table, never by a
 * bare role check, so granting a role a new power is a one-line change reviewed here.
 */
export const PERMISSIONS = {
  "orders.read": ["admin", "support", "finance", "risk"],
  "orders.cancel": ["admin", "support"],
  "refunds.request": ["admin", "support"],
  "refunds.approve": ["admin", "finance"],
  "disputes.respond": ["admin", "support"],
  "fraud.review": ["admin", "risk"],
  "fraud.rules.manage": ["admin", "risk"],
  "ledger.read": ["admin", "finance"],
  "reconciliation.read": ["admin", "finance"],
  "reconciliation.resolve": ["admin", "finance"],
  "accounting.read": ["admin", "finance"],
  "accounting.sync": ["admin", "finance"],
  "accounting.connect": ["admin"],
  "audit.read": ["admin", "finance"],
  "health.read": ["admin", "finance"],
  "users.manage": ["admin"],
  "webhooks.replay": ["admin"],
  "operations.manage": ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(name: string): name is Permission {
  return Object.hasOwn(PERMISSIONS, name);
}

export function roleHasPermission(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

export function permissionsOf(role: StaffRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => roleHasPermission(role, permission));
}
