// The ledger's public API. Postings take the caller's transaction client, so each is written in the
// same database transaction as the state change that causes it.
export { type AccountBalance, accountBalance, accountBalances } from "./account-balances";
export { type AccountStatement, accountStatement, type StatementLine } from "./account-statement";
export { entersPendingBalance } from "./balance-transaction-lines";
export {
  ACCOUNT,
  type AccountCode,
  type ChartAccount,
  DEFAULT_CHART,
  ensureChartOfAccounts,
  type LedgerAccountType,
  type LedgerDirection,
} from "./chart-of-accounts";
export { type ClosedPeriod, closedPeriodAt, closeLedgerPeriod, periodBounds } from "./close-period";
export type { JournalEntry, JournalLine, JournalSource, LedgerEntryKind } from "./journal-entry";
export { type OrderLedgerLine, orderLines } from "./order-lines";
export { type AdjustingEntryInput, postAdjustingEntry } from "./post-adjusting-entry";
export { postBalanceAvailable } from "./post-balance-available";
export type { BalanceTransactionPosting, BalanceTransactionPostingInput } from "./post-balance-transaction";
export { postDisputeFundsReinstated } from "./post-dispute-funds-reinstated";
export { postDisputeFundsWithdrawn } from "./post-dispute-funds-withdrawn";
export { type PostingResult, postEntry } from "./post-entry";
export { postPaymentCaptured } from "./post-payment-captured";
export { postPayoutCreated } from "./post-payout-created";
export { type PayoutFailedPosting, postPayoutFailed } from "./post-payout-failed";
export { postPayoutPaid } from "./post-payout-paid";
export { postRefundCreated } from "./post-refund-created";
export { postRefundFailed } from "./post-refund-failed";
export { postUnclassifiedBalanceTransaction } from "./post-unclassified-balance-transaction";
export { reverseTransaction } from "./reverse-transaction";
export { type TrialBalance, type TrialBalanceRow, trialBalance } from "./trial-balance";
export { type TrialBalanceReport, trialBalanceQuery, trialBalanceReport } from "./trial-balance-report";
