import QRCode from "qrcode";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpCodeStep, totpUri } from "./totp-codes";
import { openTotpSecret, sealTotpSecret } from "./totp-secret-box";

/**
 * Step one: a new key for the member's authenticator app, kept (sealed) on the account but not in
 * force until a code from the app confirms it. Starting again replaces an unconfirmed key; an
 * account already enrolled must be reset by an admin first.
 */
export async function startTwoFactorEnrolment(prisma: PrismaClient, staffUserId: string) {
  const user = await prisma.staffUser.findUnique({
    where: { id: staffUserId },
    select: { email: true, totpEnabledAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "No such staff user");
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already set up for this account");
  const secret = newTotpSecret();
  await prisma.staffUser.update({
    where: { id: staffUserId },
    data: { totpSecret: sealTotpSecret(secret), totpLastStep: null },
  });
  const uri = totpUri(secret, user.email);
  return { secret, uri, qrCodeDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Step two: a code from the app turns two-factor sign-in on and gives the ten recovery codes, shown once. */
export async function confirmTwoFactorEnrolment(
  prisma: PrismaClient,
  input: { staffUserId: string; code: string },
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  return prisma.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ totp_secret: string | null; totp_enabled_at: Date | null }[]>`
      SELECT totp_secret, totp_enabled_at FROM staff_users WHERE id = ${input.staffUserId}::uuid FOR UPDATE`;
    if (!user) throw new AppError("NOT_FOUND", "No such staff user");
    if (user.totp_enabled_at) throw new AppError("CONFLICT", "Two-factor sign-in is already set up for this account");
    if (!user.totp_secret) throw new AppError("BAD_REQUEST", "Start the set-up first: no key was made yet");
    const step = await totpCodeStep(openTotpSecret(user.totp_secret), input.code.trim(), null, now);
    if (step === null) {
      throw new AppError(
        "BAD_REQUEST",
        "That code does not match. Check the app shows PayOps and try the newest code.",
      );
    }
    const recoveryCodes = newRecoveryCodes();
    await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: input.staffUserId } });
    await tx.staffRecoveryCode.createMany({
      data: recoveryCodes.map((code) => ({ staffUserId: input.staffUserId, codeHash: hashRecoveryCode(code) })),
    });
    await tx.staffUser.update({
      where: { id: input.staffUserId },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.staffUserId },
      action: "staff.two_factor_enabled",
      subject: { type: "staff_user", id: input.staffUserId },
      after: { recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
}
