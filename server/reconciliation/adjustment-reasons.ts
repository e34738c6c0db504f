import { ACCOUNT } from "../ledger";
import { ADJUSTMENT_LABELS, type RESOLUTION_LABELS } from "./reconciliation-labels";

/**
 * Why finance posts an adjusting entry to resolve a break, and the accounts it moves: a positive
 * amount debits `debit` and credits `credit`, a negative one the other way round.
 */
export const ADJUSTMENT_REASONS = {
  fee_adjustment: {
    label: ADJUSTMENT_LABELS.fee_adjustment,
    debit: ACCOUNT.processingFees,
    credit: ACCOUNT.stripeAvailable,
  },
  unrecorded_refund: {
    label: ADJUSTMENT_LABELS.unrecorded_refund,
    debit: ACCOUNT.refunds,
    credit: ACCOUNT.stripeAvailable,
  },
  unrecorded_charge: {
    label: ADJUSTMENT_LABELS.unrecorded_charge,
    debit: ACCOUNT.stripeAvailable,
    credit: ACCOUNT.salesRevenue,
  },
  bank_difference: { label: ADJUSTMENT_LABELS.bank_difference, debit: ACCOUNT.bank, credit: ACCOUNT.suspense },
} as const;

export type AdjustmentReason = keyof typeof ADJUSTMENT_REASONS;

export type Resolution = keyof typeof RESOLUTION_LABELS;
