import { roleHasPermission, STAFF_ROLES } from "../auth/permissions";
import type { PrismaClient } from "../db/client";

/** Active staff who may work reconciliation differences: the owners a break can be given to. */
export async function listResolvers(prisma: PrismaClient) {
  const roles = STAFF_ROLES.filter((role) => roleHasPermission(role, "reconciliation.resolve"));
  return prisma.staffUser.findMany({
    where: { active: true, role: { in: [...roles] } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}
