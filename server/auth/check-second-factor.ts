import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { hashRecoveryCode, totpCodeStep } from "./totp-codes";
import { openTotpSecret } from "./totp-secret-box";

export type SecondFactorAccount = { id: string; totpSecret: string; totpLastStep: number | null };

/**
 * Checks the code typed after the password: six digits from the authenticator app, or one of the
 * recovery codes. Each is taken in one conditional UPDATE, so two sign-ins racing with the same
 * code cannot both pass: an app code's step must be newer than the last accepted one, a recovery
 * code must still be unused.
 */
export async function checkSecondFactor(
  prisma: PrismaClient,
  account: SecondFactorAccount,
  code: string,
  now: Date,
): Promise<boolean> {
  const typed = code.trim();
  if (/^\d{6}$/.test(typed)) {
    const secret = openSealedSecret(account.totpSecret);
    const step = secret ? await totpCodeStep(secret, typed, account.totpLastStep, now) : null;
    if (step === null) return false;
    const taken = await prisma.$executeRaw`
      UPDATE staff_users SET totp_last_step = ${step}
       WHERE id = ${account.id}::uuid AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
    return taken === 1;
  }
  return prisma.$transaction(async (tx) => {
    const used = await tx.$executeRaw`
      UPDATE staff_recovery_codes SET used_at = ${now}::timestamptz
       WHERE staff_user_id = ${account.id}::uuid AND code_hash = ${hashRecoveryCode(typed)} AND used_at IS NULL`;
    if (used !== 1) return false;
    const left = await tx.staffRecoveryCode.count({ where: { staffUserId: account.id, usedAt: null } });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: account.id },
      action: "staff.recovery_code_used",
      subject: { type: "staff_user", id: account.id },
      after: { recoveryCodesLeft: left },
    });
    return true;
  });
}

/** A key sealed under another AUTH_SECRET cannot be opened: the member signs in with a recovery code or is reset. */
function openSealedSecret(box: string): string | null {
  try {
    return openTotpSecret(box);
  } catch {
    return null;
  }
}
