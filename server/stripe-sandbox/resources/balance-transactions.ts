import type Stripe from "stripe";
import type { SandboxConfig } from "../core/config";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { noteReleaseAt } from "./balance";

const DAY_SECONDS = 86_400;

/** Stripe's card price: percentage rounded to the nearest minor unit (half up), plus the fixed part. */
export function cardFee(pricing: SandboxConfig["pricing"], amount: number): number {
  return Math.floor((amount * pricing.cardPercentBps + 5000) / 10_000) + pricing.cardFixed;
}

/** `available_on` is midnight UTC of the day the funds become available. */
export function availableOnAfterDays(nowSeconds: number, days: number): number {
  return (Math.floor(nowSeconds / DAY_SECONDS) + days) * DAY_SECONDS;
}

export interface BalanceTransactionInput {
  amount: number;
  currency: string;
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  source: string;
  description: string | null;
  fee?: { amount: number; description: string };
  /** Funds usable at once (payouts, refunds, disputes and bypassPending charges). */
  availableNow?: boolean;
}

export function createBalanceTransaction(sb: Sandbox, input: BalanceTransactionInput): Stripe.BalanceTransaction {
  const now = sb.now();
  const fee = input.fee?.amount ?? 0;
  const availableOn = input.availableNow ? now : availableOnAfterDays(now, sb.config.timing.availabilityDays);
  const transaction: Stripe.BalanceTransaction = {
    id: newId("txn"),
    object: "balance_transaction",
    amount: input.amount,
    available_on: availableOn,
    balance_type: "payments",
    created: now,
    currency: input.currency,
    description: input.description,
    exchange_rate: null,
    fee,
    fee_details: input.fee
      ? [
          {
            amount: fee,
            application: null,
            currency: input.currency,
            description: input.fee.description,
            type: "stripe_fee",
          },
        ]
      : [],
    net: input.amount - fee,
    reporting_category: input.reportingCategory,
    source: input.source,
    status: availableOn <= now ? "available" : "pending",
    type: input.type,
  };
  sb.state.balanceTransactions[transaction.id] = transaction;
  if (transaction.status === "pending") noteReleaseAt(sb.state, availableOn);
  sb.touch();
  return transaction;
}

/** The balance transaction of a succeeded, captured charge, with the configured card fee. */
export function chargeBalanceTransaction(sb: Sandbox, charge: Stripe.Charge, bypassPending: boolean) {
  const isCard = charge.payment_method_details?.type === "card";
  const amount = charge.amount_captured;
  return createBalanceTransaction(sb, {
    amount,
    currency: charge.currency,
    type: isCard ? "charge" : "payment",
    reportingCategory: "charge",
    source: charge.id,
    description: charge.description,
    fee: { amount: cardFee(sb.config.pricing, amount), description: "Stripe processing fees" },
    availableNow: bypassPending,
  });
}
