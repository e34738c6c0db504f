import type { PrismaClient } from "../db/client";
import type { StaffRole } from "../db/generated/enums";
import { hashPassword } from "./password";

/** Development accounts, one per role. Listed in the README; never seeded in production. */
export const DEVELOPMENT_STAFF: { email: string; name: string; role: StaffRole; password: string }[] = [
  { email: "admin@payops.test", name: "Ada Admin", role: "admin", password: "admin-password-1" },
  { email: "support@payops.test", name: "Sam Support", role: "support", password: "support-password-1" },
  { email: "support2@payops.test", name: "Sky Support", role: "support", password: "support-password-2" },
  { email: "finance@payops.test", name: "Fay Finance", role: "finance", password: "finance-password-1" },
  { email: "risk@payops.test", name: "Rex Risk", role: "risk", password: "risk-password-1" },
];

/** Creates the development staff accounts that do not exist yet; existing ones are left as they are. */
export async function seedStaff(prisma: PrismaClient): Promise<number> {
  const existing = new Set(
    (await prisma.staffUser.findMany({ select: { email: true } })).map((user: { email: string }) => user.email),
  );
  let created = 0;
  for (const member of DEVELOPMENT_STAFF) {
    if (existing.has(member.email)) continue;
    await prisma.staffUser.create({
      data: {
        email: member.email,
        name: member.name,
        role: member.role,
        passwordHash: await hashPassword(member.password),
      },
    });
    created += 1;
  }
  return created;
}
