import type { PrismaClient } from "../db/client";

export async function listStaffUsers(prisma: PrismaClient) {
  return prisma.staffUser.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      lockedUntil: true,
      createdAt: true,
      totpEnabledAt: true,
    },
  });
}
