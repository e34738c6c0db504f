import { setTimeout as sleep } from "node:timers/promises";
import { recordAudit } from "../audit/record-audit";
import { Prisma, type PrismaClient } from "../db/client";
import type { StaffRole } from "../db/generated/enums";
import { logger } from "../observability/logger";
import { checkSecondFactor } from "./check-second-factor";
import { hashPassword, verifyPassword } from "./password";
import { FAILED_SIGN_IN_ANSWER_MS, lockDurationMs, MAX_FAILED_SIGN_INS } from "./sign-in-policy";

export type SignedInStaff = { id: string; email: string; name: string; role: StaffRole; sessionVersion: number };

/**
 * One answer for every refusal: the caller never learns whether the email exists or is locked.
 * `needsCode` comes only after the right password, for an account with two-factor sign-in.
 */
export type SignInResult = { ok: true; staff: SignedInStaff } | { ok: false; needsCode?: true };

export type SignInCredentials = { email: string; password: string; code?: string };

export type PasswordVerifier = (passwordHash: string, password: string) => Promise<boolean>;

export type SignInOptions = {
  now?: Date;
  verify?: PasswordVerifier;
  /** Refusals answer no sooner than this after the call began. */
  answerFloorMs?: number;
  clientIp?: string;
};

let dummyHash: Promise<string> | undefined;

// Lock durations by failures in a row (1-based, as SQL arrays are), past the cap the last one.
const LOCK_MS_BY_FAILURES = Prisma.raw(
  `ARRAY[${Array.from({ length: MAX_FAILED_SIGN_INS + 16 }, (_, index) => lockDurationMs(index + 1)).join(",")}]::bigint[]`,
);
const LOCK_STEPS = MAX_FAILED_SIGN_INS + 16;

/**
 * Takes one guess for the account, or none while it is locked. The count and the lock move in one
 * UPDATE under the row's lock, so however many guesses arrive at once, only the ones before the
 * lock get a turn: the password is checked at most five times before the first lock, then once per
 * lock period.
 */
async function takeGuess(prisma: PrismaClient, staffUserId: string, now: Date) {
  const [guess] = await prisma.$queryRaw<{ failed_sign_ins: number; locked_until: Date | null }[]>`
    UPDATE staff_users
       SET failed_sign_ins = failed_sign_ins + 1,
           locked_until = CASE
             WHEN (${LOCK_MS_BY_FAILURES})[LEAST(failed_sign_ins + 1, ${LOCK_STEPS})] > 0
             THEN ${now}::timestamptz
                  + (${LOCK_MS_BY_FAILURES})[LEAST(failed_sign_ins + 1, ${LOCK_STEPS})] * interval '1 millisecond'
           END
     WHERE id = ${staffUserId}::uuid AND active AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
     RETURNING failed_sign_ins, locked_until`;
  return guess ?? null;
}

async function checkCredentials(
  prisma: PrismaClient,
  credentials: SignInCredentials,
  now: Date,
  verify: PasswordVerifier,
  clientIp: string | undefined,
): Promise<SignInResult> {
  const email = credentials.email.trim().toLowerCase();
  const user = await prisma.staffUser.findUnique({ where: { email } });
  const guess = user?.active ? await takeGuess(prisma, user.id, now) : null;
  if (!user || !guess) {
    // The same argon2 work as a real check, so unknown, inactive and locked accounts take as long.
    dummyHash ??= hashPassword("payops-timing-equaliser");
    await verify(await dummyHash, credentials.password);
    logger.warn({ email, clientIp, known: Boolean(user), locked: Boolean(user?.active) }, "staff sign-in refused");
    return { ok: false };
  }

  const subject = { type: "staff_user", id: user.id };
  const actor = { kind: "staff", staffUserId: user.id } as const;
  const passwordRight = await verify(user.passwordHash, credentials.password);
  if (passwordRight && user.totpEnabledAt && user.totpSecret && !credentials.code?.trim()) {
    return { ok: false, needsCode: true };
  }
  const secondFactorRight =
    passwordRight &&
    (!user.totpEnabledAt ||
      !user.totpSecret ||
      (await checkSecondFactor(
        prisma,
        { id: user.id, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep },
        credentials.code ?? "",
        now,
      )));
  if (secondFactorRight) {
    await prisma.$transaction(async (tx) => {
      await tx.staffUser.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
      await recordAudit(tx, { actor, action: "staff.signed_in", subject });
    });
    const { id, name, role, sessionVersion } = user;
    return { ok: true, staff: { id, email: user.email, name, role, sessionVersion } };
  }

  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor,
      action: "staff.sign_in_failed",
      subject,
      reason: passwordRight ? "wrong two-factor code" : "wrong password",
      after: { failedSignIns: guess.failed_sign_ins },
    });
    if (guess.locked_until) {
      await recordAudit(tx, {
        actor,
        action: "staff.locked_out",
        subject,
        after: { lockedUntil: guess.locked_until.toISOString(), failedSignIns: guess.failed_sign_ins },
      });
    }
  });
  logger.warn({ email, clientIp, failedSignIns: guess.failed_sign_ins }, "staff sign-in failed");
  return { ok: false };
}

/**
 * Checks an email and password. Failures in a row are counted on the account; from the fifth each
 * one locks it for a while (sign-in-policy.ts), during which even the right password is refused.
 * Every refusal looks the same and takes at least FAILED_SIGN_IN_ANSWER_MS, so neither the answer
 * nor its timing tells an unknown email from a real, wrong or locked one.
 */
export async function signInStaff(
  prisma: PrismaClient,
  credentials: SignInCredentials,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const started = Date.now();
  const result = await checkCredentials(
    prisma,
    credentials,
    options.now ?? new Date(),
    options.verify ?? verifyPassword,
    options.clientIp,
  );
  if (!result.ok && !result.needsCode) {
    const wait = started + (options.answerFloorMs ?? FAILED_SIGN_IN_ANSWER_MS) - Date.now();
    if (wait > 0) await sleep(wait);
  }
  return result;
}
