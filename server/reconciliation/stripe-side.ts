import type { StagedBalanceTransaction, StagedPayout, StagedPayoutTransaction } from "./staged-rows";

/** A window in Unix seconds, [from, to). */
export type SecondsWindow = { from: number; to: number };

/**
 * Stripe's side of a window, read either through the list API or through the Reporting API.
 * Each is a stream, so a window of any size is staged in batches without being held in memory.
 */
export interface StripeSide {
  readonly name: "list" | "report";
  balanceTransactions(window: SecondsWindow): AsyncIterable<StagedBalanceTransaction>;
  /** Payouts created in the window (or shortly before, so payouts arriving in it are there for the bank leg). */
  payouts(window: SecondsWindow): AsyncIterable<StagedPayout>;
  /** The transactions each automatic, reconciled payout carried. */
  payoutTransactions(payouts: StagedPayout[], window: SecondsWindow): AsyncIterable<StagedPayoutTransaction>;
}

/** Payouts created this long before the window may still arrive in it. */
export const PAYOUT_LOOKBACK_SECONDS = 14 * 86_400;

/** Groups a stream into arrays of `size`. */
export async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
