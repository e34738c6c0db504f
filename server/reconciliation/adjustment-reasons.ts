import { ACCOUNT } from "../ledger";

/**
 * Why finance posts an adjusting entry to resolve a break, and the accounts it moves: a positive
 * amount debits `debit` and credits `credit`, a negative one the other way round.
 */
export const ADJUSTMENT_REASONS = {
  fee_adjustment: { label: "Stripe fee correction", debit: ACCOUNT.processingFees, credit: ACCOUNT.stripeAvailable },
  unrecorded_refund: { label: "Refund PayOps did not record", debit: ACCOUNT.refunds, credit: ACCOUNT.stripeAvailable },
  unrecorded_charge: {
    label: "Payment PayOps did not record",
    debit: ACCOUNT.stripeAvailable,
    credit: ACCOUNT.salesRevenue,
  },
  bank_difference: { label: "Bank difference", debit: ACCOUNT.bank, credit: ACCOUNT.suspense },
} as const;

export type AdjustmentReason = keyof typeof ADJUSTMENT_REASONS;

export const RESOLUTIONS = {
  matched_by_hand: "Matched by hand",
  adjusting_entry: "Adjusting entry",
  written_off: "Written off",
  matched_by_run: "Matched by a later run",
} as const;

export type Resolution = keyof typeof RESOLUTIONS;
