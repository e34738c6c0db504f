/** Failed sign-ins in a row after which each further guess waits for a lock to pass. */
export const MAX_FAILED_SIGN_INS = 5;
/** The first lock is short; each failure after it doubles the next one, up to the cap. */
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;
/**
 * Every refused sign-in answers no sooner than this after it arrived, whatever the reason (unknown
 * email, wrong password, a locked account), so the answer's timing says nothing about accounts.
 */
export const FAILED_SIGN_IN_ANSWER_MS = 600;

/**
 * How long the account stays locked after its `failuresInARow`-th failure in a row: nothing before
 * the fifth, then 30 s, 1 min, 2 min… up to 15 min. A stranger who knows an email therefore locks
 * it for half a minute, not for a quarter of an hour, and the per-IP limit slows them further.
 */
export function lockDurationMs(failuresInARow: number): number {
  if (failuresInARow < MAX_FAILED_SIGN_INS) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failuresInARow - MAX_FAILED_SIGN_INS), MAX_LOCK_MS);
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
