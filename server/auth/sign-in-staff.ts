import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import type { StaffRole } from "../db/generated/enums";
import { logger } from "../observability/logger";
import { hashPassword, verifyPassword } from "./password";
import { isLocked, LOCK_DURATION_MS, MAX_FAILED_SIGN_INS } from "./sign-in-policy";

export type SignedInStaff = { id: string; email: string; name: string; role: StaffRole; sessionVersion: number };

export type SignInResult =
  | { ok: true; staff: SignedInStaff }
  | { ok: false; reason: "invalid"; failuresInARow: number }
  | { ok: false; reason: "locked"; lockedUntil: Date };

let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Failures in a row are counted on the account; the fifth locks it
 * for 15 minutes, during which even the right password is refused. Every outcome for a known
 * account is audited. Unknown emails cost the same argon2 work, so timing does not reveal accounts.
 */
export async function signInStaff(
  prisma: PrismaClient,
  credentials: { email: string; password: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = credentials.email.trim().toLowerCase();
  const user = await prisma.staffUser.findUnique({ where: { email } });
  if (!user?.active) {
    dummyHash ??= hashPassword("payops-timing-equaliser");
    await verifyPassword(await dummyHash, credentials.password);
    logger.warn({ email, known: Boolean(user) }, "staff sign-in refused");
    return { ok: false, reason: "invalid", failuresInARow: 0 };
  }
  const subject = { type: "staff_user", id: user.id };
  const actor = { kind: "staff", staffUserId: user.id } as const;
  if (isLocked(user.lockedUntil, now)) {
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil! };
  }

  if (await verifyPassword(user.passwordHash, credentials.password)) {
    await prisma.$transaction(async (tx) => {
      await tx.staffUser.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
      await recordAudit(tx, { actor, action: "staff.signed_in", subject });
    });
    const { id, name, role, sessionVersion } = user;
    return { ok: true, staff: { id, email: user.email, name, role, sessionVersion } };
  }

  return prisma.$transaction(async (tx) => {
    // An atomic increment, so parallel guesses cannot slip past the limit.
    const counted = await tx.staffUser.update({
      where: { id: user.id },
      data: { failedSignIns: { increment: 1 } },
      select: { failedSignIns: true },
    });
    await recordAudit(tx, {
      actor,
      action: "staff.sign_in_failed",
      subject,
      after: { failedSignIns: counted.failedSignIns },
    });
    if (counted.failedSignIns < MAX_FAILED_SIGN_INS) {
      return { ok: false, reason: "invalid", failuresInARow: counted.failedSignIns } as const;
    }
    const lockedUntil = new Date(now.getTime() + LOCK_DURATION_MS);
    await tx.staffUser.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil } });
    await recordAudit(tx, {
      actor,
      action: "staff.locked_out",
      subject,
      after: { lockedUntil: lockedUntil.toISOString() },
    });
    return { ok: false, reason: "locked", lockedUntil } as const;
  });
}
