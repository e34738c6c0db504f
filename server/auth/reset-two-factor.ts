import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";

/**
 * An admin turns off a member's two-factor sign-in (a lost phone): key and recovery codes go, the
 * member's sessions end, and a role that needs it enrols again at the next sign-in.
 */
export async function resetTwoFactor(
  prisma: PrismaClient,
  input: { staffUserId: string; reason: string; actorId: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ totp_enabled_at: Date | null }[]>`
      SELECT totp_enabled_at FROM staff_users WHERE id = ${input.staffUserId}::uuid FOR UPDATE`;
    if (!user) throw new AppError("NOT_FOUND", "No such staff user");
    await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: input.staffUserId } });
    await tx.staffUser.update({
      where: { id: input.staffUserId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.actorId },
      action: "staff.two_factor_reset",
      subject: { type: "staff_user", id: input.staffUserId },
      reason: input.reason,
      before: { twoFactor: user.totp_enabled_at !== null },
      after: { twoFactor: false },
    });
  });
}
