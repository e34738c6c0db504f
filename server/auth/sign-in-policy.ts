/** Failed sign-ins in a row that lock an account. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_DURATION_MS = 15 * 60_000;

/**
 * How long a failed sign-in waits before answering: doubling per failure in a row, capped, so
 * guessing slows down well before the lock and a mistyped password costs a person a quarter second.
 */
export function failedSignInDelayMs(failuresInARow: number): number {
  if (failuresInARow <= 0) return 0;
  return Math.min(250 * 2 ** (failuresInARow - 1), 4_000);
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
