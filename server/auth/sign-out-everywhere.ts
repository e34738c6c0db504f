import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";

/**
 * Ends every session of a staff user on every device: tokens carry the session version they were
 * issued under, and a request whose version is behind the database's is treated as signed out.
 */
export async function signOutEverywhere(
  prisma: PrismaClient,
  options: { staffUserId: string; actorId: string },
): Promise<{ sessionVersion: number }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.staffUser.update({
      where: { id: options.staffUserId },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: options.actorId },
      action: "staff.signed_out_everywhere",
      subject: { type: "staff_user", id: options.staffUserId },
      after: { sessionVersion: user.sessionVersion },
    });
    return user;
  });
}
