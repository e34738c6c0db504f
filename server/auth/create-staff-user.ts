import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import type { StaffRole } from "../db/generated/enums";
import { AppError } from "../errors";
import { hashPassword } from "./password";

export async function createStaffUser(
  prisma: PrismaClient,
  /** actorId undefined: created from the command line (`npm run staff:create-admin`), audited as the system. */
  input: { email: string; name: string; role: StaffRole; password: string; actorId: string | undefined },
): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.staffUser.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `A staff user with the email ${email} already exists`);
    }
    const user = await tx.staffUser.create({
      data: { email, name: input.name.trim(), role: input.role, passwordHash },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: input.actorId ? { kind: "staff", staffUserId: input.actorId } : { kind: "system" },
      action: "staff.created",
      subject: { type: "staff_user", id: user.id },
      after: { email, role: input.role },
    });
    return user;
  });
}
