import type Stripe from "stripe";
import { AppError } from "../errors";
import { normalizeCurrency } from "../money";
import { idOf } from "../stripe/expandable";
import { ACCOUNT } from "./chart-of-accounts";
import { type JournalLine, signedLine } from "./journal-entry";

type BalanceTransaction = Stripe.BalanceTransaction;

/**
 * Whether the transaction ever sat in the pending balance. It depends only on fields Stripe never
 * changes, so every posting of one balance transaction agrees, whatever order events arrive in.
 */
export function entersPendingBalance(balanceTransaction: BalanceTransaction): boolean {
  return balanceTransaction.available_on > balanceTransaction.created;
}

/** The Stripe balance account a balance transaction first lands in. */
export function stripeBalanceAccount(balanceTransaction: BalanceTransaction): string {
  return entersPendingBalance(balanceTransaction) ? ACCOUNT.stripePending : ACCOUNT.stripeAvailable;
}

export function sourceId(balanceTransaction: BalanceTransaction): string | null {
  return idOf(balanceTransaction.source);
}

/** Refuses a balance transaction whose figures do not add up (net = amount − fee, whole minor units). */
export function checkBalanceTransaction(balanceTransaction: BalanceTransaction): void {
  const { id, amount, fee, net } = balanceTransaction;
  if (!id?.startsWith("txn_")) throw new AppError("BAD_REQUEST", `"${id}" is not a balance transaction id`);
  if (![amount, fee, net].every(Number.isSafeInteger)) {
    throw new AppError("BAD_REQUEST", `Balance transaction ${id} has amounts that are not whole minor units`);
  }
  if (net !== amount - fee) {
    throw new AppError("BAD_REQUEST", `Balance transaction ${id}: net ${net} is not amount ${amount} minus fee ${fee}`);
  }
}

/** Refuses a balance transaction of another kind than the posting expects (a refund passed as a charge). */
export function expectReportingCategory(balanceTransaction: BalanceTransaction, allowed: readonly string[]): void {
  checkBalanceTransaction(balanceTransaction);
  if (!allowed.includes(balanceTransaction.reporting_category)) {
    throw new AppError(
      "BAD_REQUEST",
      `Balance transaction ${balanceTransaction.id} is a ${balanceTransaction.reporting_category}, expected ${allowed.join(" or ")}`,
    );
  }
}

/**
 * The lines of one balance transaction: the Stripe balance moves by `net`, the fee account by `fee`,
 * and the counter account (revenue, refunds, dispute losses, payouts in transit…) takes the gross
 * `amount` on the other side. Because net = amount − fee, the entry always balances, whatever the signs.
 */
export function balanceTransactionLines(
  balanceTransaction: BalanceTransaction,
  accounts: { counter: string; fee: string },
): JournalLine[] {
  checkBalanceTransaction(balanceTransaction);
  const currency = normalizeCurrency(balanceTransaction.currency);
  return [
    ...signedLine(stripeBalanceAccount(balanceTransaction), currency, BigInt(balanceTransaction.net)),
    ...signedLine(accounts.fee, currency, BigInt(balanceTransaction.fee)),
    ...signedLine(accounts.counter, currency, -BigInt(balanceTransaction.amount)),
  ];
}

export function occurredAt(balanceTransaction: BalanceTransaction): Date {
  return new Date(balanceTransaction.created * 1000);
}
