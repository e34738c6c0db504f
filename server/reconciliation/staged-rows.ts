// The shapes Stripe's side is reduced to before matching, whichever way it was read (list API or report file).

export type StagedBalanceTransaction = {
  id: string;
  sourceId: string | null;
  type: string;
  reportingCategory: string;
  amount: number;
  fee: number;
  net: number;
  /** Any case; stored upper case as the ledger keeps it. */
  currency: string;
  status: string;
  /** Unix seconds. */
  created: number;
  availableOn: number;
};

export type StagedPayout = {
  id: string;
  amount: number;
  currency: string;
  status: string;
  automatic: boolean;
  reconciliationStatus: string;
  arrivalDate: number;
  traceId: string | null;
  statementDescriptor: string | null;
  created: number;
  /** The payout's own balance transaction. */
  balanceTransactionId?: string | null;
};

export type StagedPayoutTransaction = {
  payoutId: string;
  id: string;
  sourceId: string | null;
  type: string;
  net: number;
  currency: string;
};
