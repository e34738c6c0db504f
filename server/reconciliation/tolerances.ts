import { z } from "zod";

/** How far two sides may differ, or how long one may lag, before it is a break. */
export type ReconciliationTolerances = {
  /** Gross amounts within this many minor units match. */
  amountMinor: number;
  /** Fees within this many minor units match. */
  feeMinor: number;
  /** A bank line may be booked this many days before or after the payout's arrival date. */
  bankDateDays: number;
  /** A one-sided item younger than this (a webhook on its way, a settlement cut-off) is timing, not a break. */
  timingHours: number;
};

const whole = (fallback: number, max: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(0).max(max).default(fallback),
  );

const tolerancesFromEnv = z.object({
  RECONCILIATION_AMOUNT_TOLERANCE_MINOR: whole(0, 1_000_000),
  RECONCILIATION_FEE_TOLERANCE_MINOR: whole(0, 1_000_000),
  RECONCILIATION_BANK_DATE_TOLERANCE_DAYS: whole(3, 60),
  RECONCILIATION_TIMING_TOLERANCE_HOURS: whole(48, 24 * 60),
});

/** Tolerances from the environment (defaults: exact amounts and fees, ±3 bank days, 48 hours of timing). */
export function reconciliationTolerances(
  env: Record<string, string | undefined> = process.env,
): ReconciliationTolerances {
  const parsed = tolerancesFromEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join(".")}: ${issue.message}`);
  }
  const values = parsed.data;
  return {
    amountMinor: values.RECONCILIATION_AMOUNT_TOLERANCE_MINOR,
    feeMinor: values.RECONCILIATION_FEE_TOLERANCE_MINOR,
    bankDateDays: values.RECONCILIATION_BANK_DATE_TOLERANCE_DAYS,
    timingHours: values.RECONCILIATION_TIMING_TOLERANCE_HOURS,
  };
}
