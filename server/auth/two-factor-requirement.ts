import type { PrismaClient, Tx } from "../db/client";
import type { StaffRole } from "../db/generated/enums";

/** The roles that can move money (refunds, approvals, dispute answers, staff management). */
export const TWO_FACTOR_ROLES: readonly StaffRole[] = ["admin", "finance", "support"];

/** Whether the back office requires two-factor sign-in of its money-moving roles (on unless an admin turned it off). */
export async function twoFactorRequired(prisma: PrismaClient | Tx): Promise<boolean> {
  const settings = await prisma.securitySettings.findUnique({ where: { id: 1 }, select: { requireTwoFactor: true } });
  return settings?.requireTwoFactor ?? true;
}

/** A signed-in member who must enrol before using the back office. */
export function mustEnrolTwoFactor(role: StaffRole, enrolled: boolean, required: boolean): boolean {
  return required && !enrolled && TWO_FACTOR_ROLES.includes(role);
}
