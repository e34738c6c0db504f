import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { assertAnotherActiveAdmin } from "./change-staff-role";

/** Deactivating also bumps the session version, so the user's open sessions end immediately. */
export async function setStaffActive(
  prisma: PrismaClient,
  input: { staffUserId: string; active: boolean; reason: string; actorId: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ active: boolean; role: string }[]>`
      SELECT active, role::text AS role FROM staff_users WHERE id = ${input.staffUserId}::uuid FOR UPDATE`;
    if (!current) throw new AppError("NOT_FOUND", "No such staff user");
    if (current.active === input.active) return;
    if (!input.active && current.role === "admin") await assertAnotherActiveAdmin(tx, input.staffUserId);
    await tx.staffUser.update({
      where: { id: input.staffUserId },
      data: { active: input.active, sessionVersion: { increment: 1 }, failedSignIns: 0, lockedUntil: null },
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.actorId },
      action: input.active ? "staff.reactivated" : "staff.deactivated",
      subject: { type: "staff_user", id: input.staffUserId },
      reason: input.reason,
      before: { active: current.active },
      after: { active: input.active },
    });
  });
}
