import { recordAudit } from "../audit/record-audit";
import type { PrismaClient, Tx } from "../db/client";
import type { StaffRole } from "../db/generated/enums";
import { AppError } from "../errors";

/** Refuses a change that would leave nobody able to manage staff. */
export async function assertAnotherActiveAdmin(tx: Tx, staffUserId: string): Promise<void> {
  const others = await tx.staffUser.count({ where: { role: "admin", active: true, id: { not: staffUserId } } });
  if (others === 0) throw new AppError("CONFLICT", "PayOps needs at least one active admin");
}

/** A role change can widen who moves money, so it is audited with the role before and after. */
export async function changeStaffRole(
  prisma: PrismaClient,
  input: { staffUserId: string; role: StaffRole; reason: string; actorId: string },
): Promise<{ before: StaffRole; after: StaffRole }> {
  return prisma.$transaction(async (tx) => {
    // Lock the row so two admins changing the same user write two honest audit rows.
    const [current] = await tx.$queryRaw<{ role: StaffRole }[]>`
      SELECT role FROM staff_users WHERE id = ${input.staffUserId}::uuid FOR UPDATE`;
    if (!current) throw new AppError("NOT_FOUND", "No such staff user");
    if (current.role === input.role) return { before: current.role, after: input.role };
    if (current.role === "admin") await assertAnotherActiveAdmin(tx, input.staffUserId);
    await tx.staffUser.update({ where: { id: input.staffUserId }, data: { role: input.role } });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.actorId },
      action: "staff.role_changed",
      subject: { type: "staff_user", id: input.staffUserId },
      reason: input.reason,
      before: { role: current.role },
      after: { role: input.role },
    });
    return { before: current.role, after: input.role };
  });
}
