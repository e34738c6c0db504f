/** Every kind of difference reconciliation reports, with the leg it belongs to. */
export const BREAK_TYPES = {
  missing_in_payops: { leg: 1, label: "Missing in PayOps" },
  missing_at_stripe: { leg: 1, label: "Missing at Stripe" },
  amount_mismatch: { leg: 1, label: "Amount differs" },
  fee_mismatch: { leg: 1, label: "Fee differs" },
  currency_mismatch: { leg: 1, label: "Currency differs" },
  status_mismatch: { leg: 1, label: "Status differs" },
  duplicate: { leg: 1, label: "Duplicate" },
  payout_total_mismatch: { leg: 2, label: "Payout does not add up" },
  payout_not_in_bank: { leg: 3, label: "Payout not in the bank" },
  bank_line_without_payout: { leg: 3, label: "Bank line with no payout" },
} as const;

export type BreakType = keyof typeof BREAK_TYPES;

/** An unmatched item still inside its tolerance: expected, shown with the run, not queued as a break. */
export const TIMING = "timing";

export type FindingType = BreakType | typeof TIMING;

export const LEGS = [1, 2, 3] as const;
export type Leg = (typeof LEGS)[number];
