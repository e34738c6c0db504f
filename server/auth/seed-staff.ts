import type { PrismaClient } from "../db/client";
import { DEVELOPMENT_STAFF } from "./development-staff";
import { hashPassword } from "./password";
import { sealTotpSecret } from "./totp-secret-box";

export { DEVELOPMENT_STAFF };

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
        ...(member.totpSecret ? { totpSecret: sealTotpSecret(member.totpSecret), totpEnabledAt: new Date() } : {}),
      },
    });
    created += 1;
  }
  return created;
}
