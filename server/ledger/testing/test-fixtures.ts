// Stripe-shaped objects for ledger tests, with the balance-transaction semantics Stripe documents:
// charges arrive pending with a fee; refunds, dispute withdrawals and payouts are negative.
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";

let sequence = 0;
const nextId = (prefix: string) =>
  `${prefix}_test${(++sequence).toString().padStart(6, "0")}${randomUUID().slice(0, 8)}`;

const DAY = 86_400;

export function stripeCardFee(amount: number): number {
  return Math.round(amount * 0.029) + 30;
}

type Fields = Partial<Stripe.BalanceTransaction> &
  Pick<Stripe.BalanceTransaction, "amount" | "type" | "reporting_category">;

export function balanceTransaction(fields: Fields): Stripe.BalanceTransaction {
  const created = fields.created ?? Math.floor(Date.now() / 1000);
  const fee = fields.fee ?? 0;
  const availableOn = fields.available_on ?? created;
  return {
    id: nextId("txn"),
    object: "balance_transaction",
    balance_type: "payments",
    currency: "usd",
    description: null,
    exchange_rate: null,
    fee_details: fee
      ? [
          {
            amount: fee,
            application: null,
            currency: fields.currency ?? "usd",
            description: "Stripe processing fees",
            type: "stripe_fee",
          },
        ]
      : [],
    source: null,
    status: availableOn > created ? "pending" : "available",
    ...fields,
    fee,
    net: fields.net ?? fields.amount - fee,
    created,
    available_on: availableOn,
  };
}

export function chargeBalanceTransaction(
  amount: number,
  options: { pending?: boolean; currency?: string; source?: string } = {},
) {
  const created = Math.floor(Date.now() / 1000);
  return balanceTransaction({
    amount,
    fee: stripeCardFee(amount),
    type: "charge",
    reporting_category: "charge",
    currency: options.currency ?? "usd",
    source: options.source ?? nextId("ch"),
    created,
    available_on: options.pending === false ? created : created + 2 * DAY,
  });
}

export function refundBalanceTransaction(amount: number, options: { currency?: string; source?: string } = {}) {
  return balanceTransaction({
    amount: -amount,
    type: "refund",
    reporting_category: "refund",
    currency: options.currency ?? "usd",
    source: options.source ?? nextId("re"),
  });
}

export function refundFailureBalanceTransaction(amount: number, options: { currency?: string; source?: string } = {}) {
  return balanceTransaction({
    amount,
    type: "refund_failure",
    reporting_category: "refund_failure",
    currency: options.currency ?? "usd",
    source: options.source ?? nextId("re"),
  });
}

export function disputeWithdrawalBalanceTransaction(
  amount: number,
  options: { currency?: string; source?: string; fee?: number } = {},
) {
  return balanceTransaction({
    amount: -amount,
    fee: options.fee ?? 1500,
    type: "adjustment",
    reporting_category: "dispute",
    currency: options.currency ?? "usd",
    source: options.source ?? nextId("du"),
  });
}

export function disputeReinstatementBalanceTransaction(
  amount: number,
  options: { currency?: string; source?: string; fee?: number } = {},
) {
  return balanceTransaction({
    amount,
    fee: options.fee ?? 0,
    type: "adjustment",
    reporting_category: "dispute_reversal",
    currency: options.currency ?? "usd",
    source: options.source ?? nextId("du"),
  });
}

export function payoutWithBalanceTransaction(amount: number, options: { currency?: string } = {}) {
  const currency = options.currency ?? "usd";
  const id = nextId("po");
  const payout = { id, amount, currency, arrival_date: Math.floor(Date.now() / 1000) + DAY };
  const created = balanceTransaction({
    amount: -amount,
    type: "payout",
    reporting_category: "payout",
    currency,
    source: id,
  });
  const failure = balanceTransaction({
    amount,
    type: "payout_failure",
    reporting_category: "payout_reversal",
    currency,
    source: id,
  });
  return { payout, balanceTransaction: created, failureBalanceTransaction: failure };
}

export function orderId(): string {
  return randomUUID();
}

/** The same balance transaction later, once Stripe has made its funds available. */
export function madeAvailable(pending: Stripe.BalanceTransaction): Stripe.BalanceTransaction {
  return { ...pending, status: "available" };
}
