import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { twoFactorRequired } from "./two-factor-requirement";

/** Turns the two-factor requirement for money-moving roles on or off; always audited with a reason. */
export async function setTwoFactorRequirement(
  prisma: PrismaClient,
  input: { required: boolean; reason: string; actorId: string },
): Promise<{ required: boolean }> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM security_settings WHERE id = 1 FOR UPDATE`;
    const before = await twoFactorRequired(tx);
    await tx.securitySettings.upsert({
      where: { id: 1 },
      create: { id: 1, requireTwoFactor: input.required },
      update: { requireTwoFactor: input.required },
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.actorId },
      action: "staff.two_factor_requirement_changed",
      subject: { type: "security_settings", id: "1" },
      reason: input.reason,
      before: { requireTwoFactor: before },
      after: { requireTwoFactor: input.required },
    });
    return { required: input.required };
  });
}
