import { ACCOUNT, DEFAULT_CHART } from "../../ledger";
import type { LedgerEntryForJournal } from "../journal-draft";

let counter = 0;

type Line = [accountCode: string, direction: "debit" | "credit", amountMinor: number];

/** A ledger entry as the journal builder reads it, for unit tests of the builder. */
export function entry(
  kind: string,
  at: string,
  lines: Line[],
  options: { stripeObjectId?: string; currency?: string } = {},
): LedgerEntryForJournal {
  counter += 1;
  return {
    ledgerTransactionId: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    idempotencyKey: `txn_${counter}:${kind}`,
    kind,
    description: `${kind} ${counter}`,
    occurredAt: new Date(at),
    stripeObjectId: options.stripeObjectId ?? null,
    currency: options.currency ?? "USD",
    lines: lines.map(([accountCode, direction, amountMinor]) => ({
      accountCode,
      direction,
      amountMinor: BigInt(amountMinor),
    })),
  };
}

export const charge = (at: string, gross: number, fee: number) =>
  entry("payment_captured", at, [
    [ACCOUNT.stripeAvailable, "debit", gross - fee],
    [ACCOUNT.processingFees, "debit", fee],
    [ACCOUNT.salesRevenue, "credit", gross],
  ]);

export const refund = (at: string, amount: number) =>
  entry("refund_created", at, [
    [ACCOUNT.refunds, "debit", amount],
    [ACCOUNT.stripeAvailable, "credit", amount],
  ]);

export const disputeLost = (at: string, amount: number, fee: number) =>
  entry("dispute_funds_withdrawn", at, [
    [ACCOUNT.disputeLosses, "debit", amount],
    [ACCOUNT.disputeFees, "debit", fee],
    [ACCOUNT.stripeAvailable, "credit", amount + fee],
  ]);

export const payoutCreated = (at: string, payoutId: string, amount: number) =>
  entry(
    "payout_created",
    at,
    [
      [ACCOUNT.payoutsInTransit, "debit", amount],
      [ACCOUNT.stripeAvailable, "credit", amount],
    ],
    { stripeObjectId: payoutId },
  );

export const payoutPaid = (at: string, payoutId: string, amount: number) =>
  entry(
    "payout_paid",
    at,
    [
      [ACCOUNT.bank, "debit", amount],
      [ACCOUNT.payoutsInTransit, "credit", amount],
    ],
    { stripeObjectId: payoutId },
  );

export const accountName = (code: string) => DEFAULT_CHART.find((a) => a.code === code)?.name ?? code;
