import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { clone } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { previousAttributes } from "../events/previous-attributes";
import { invalidRequest, resourceMissing } from "../http/errors";
import type { Params } from "../http/form";
import { applyMetadata, optionalString, requiredInteger, requiredString } from "../http/params";
import { computeBalance } from "./balance";
import { availableOnAfterDays, createBalanceTransaction } from "./balance-transactions";

const BANK_ACCOUNT = "ba_1SandboxBankAccount0001";

function availableIn(sb: Sandbox, currency: string): number {
  return computeBalance(sb).available.find((entry) => entry.currency === currency)?.amount ?? 0;
}

function newPayout(sb: Sandbox, amount: number, currency: string, automatic: boolean, description: string | null) {
  const now = sb.now();
  const payout: Stripe.Payout = {
    id: newId("po"),
    object: "payout",
    amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: availableOnAfterDays(now, sb.config.payouts.arrivalDays),
    automatic,
    balance_transaction: null,
    created: now,
    currency,
    description,
    destination: BANK_ACCOUNT,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: {},
    method: "standard",
    original_payout: null,
    payout_method: null,
    reconciliation_status: automatic ? "in_progress" : "not_applicable",
    reversed_by: null,
    source_type: "card",
    statement_descriptor: null,
    status: "pending",
    trace_id: { status: "pending", value: null },
    type: "bank_account",
  };
  const transaction = createBalanceTransaction(sb, {
    amount: -amount,
    currency,
    type: "payout",
    reportingCategory: "payout",
    source: payout.id,
    description: description ?? "STRIPE PAYOUT",
    availableNow: true,
  });
  payout.balance_transaction = transaction.id;
  sb.state.payouts[payout.id] = payout;
  sb.touch();
  return { payout, transaction };
}

export function createPayout(sb: Sandbox, params: Params): Stripe.Payout {
  const amount = requiredInteger(params, "amount", 1);
  const currency = requiredString(params, "currency").toLowerCase();
  const available = availableIn(sb, currency);
  if (amount > available) {
    throw invalidRequest(
      "You have insufficient funds in your Stripe account. One likely reason you have insufficient funds is that your funds are automatically being paid out; try enabling manual payouts. In test mode, you can add funds to your available balance (bypassing your pending balance) by creating a charge with 4000 0000 0000 0077 as the card number.",
      { code: "balance_insufficient", param: "amount" },
    );
  }
  const { payout } = newPayout(sb, amount, currency, false, optionalString(params, "description") ?? null);
  payout.metadata = applyMetadata({}, params);
  emitEvent(sb, "payout.created", payout);
  return payout;
}

/** Daily automatic payout: everything available, carrying the balance transactions it pays out. */
export function runAutomaticPayouts(sb: Sandbox): Stripe.Payout[] {
  const payouts: Stripe.Payout[] = [];
  for (const { currency, amount } of computeBalance(sb).available) {
    if (amount <= 0) continue;
    const carried = Object.values(sb.state.balanceTransactions).filter(
      (transaction) =>
        transaction.currency === currency &&
        transaction.status === "available" &&
        !sb.state.balanceTransactionPayout[transaction.id],
    );
    const { payout, transaction } = newPayout(sb, amount, currency, true, "STRIPE PAYOUT");
    for (const item of [...carried, transaction]) sb.state.balanceTransactionPayout[item.id] = payout.id;
    emitEvent(sb, "payout.created", payout);
    payouts.push(payout);
  }
  return payouts;
}

function transition(sb: Sandbox, payout: Stripe.Payout, status: string) {
  const before = clone(payout);
  payout.status = status;
  if (status === "paid") payout.trace_id = { status: "supported", value: `TRACE${payout.id.slice(-10)}` };
  if (status === "paid" && payout.automatic) payout.reconciliation_status = "completed";
  sb.touch();
  emitEvent(sb, "payout.updated", payout, previousAttributes(before as never, payout as never));
  if (status === "paid") {
    emitEvent(sb, "payout.paid", payout);
    if (payout.automatic) emitEvent(sb, "payout.reconciliation_completed", payout);
  }
}

/** Pending payouts go in transit at once and are paid on their arrival date (sandbox time). */
export function progressPayouts(sb: Sandbox): void {
  const now = sb.now();
  for (const payout of Object.values(sb.state.payouts)) {
    if (payout.status === "pending") transition(sb, payout, "in_transit");
    if (payout.status === "in_transit" && payout.arrival_date <= now) transition(sb, payout, "paid");
  }
}

export function retrievePayout(sb: Sandbox, id: string): Stripe.Payout {
  const payout = sb.state.payouts[id];
  if (!payout) throw resourceMissing("payout", id);
  return payout;
}

export function updatePayout(sb: Sandbox, payout: Stripe.Payout, params: Params): Stripe.Payout {
  const before = clone(payout);
  payout.metadata = applyMetadata(payout.metadata ?? {}, params);
  sb.touch();
  emitEvent(sb, "payout.updated", payout, previousAttributes(before as never, payout as never));
  return payout;
}

const PAYOUT_FAILURES: Record<string, string> = {
  account_closed: "The bank account has been closed.",
  no_account:
    "The bank account details on file are probably incorrect. No bank account could be located with those details.",
  insufficient_funds: "Your Stripe account has insufficient funds to cover the payout.",
  debit_not_authorized: "Debit transactions are not approved on the bank account.",
  invalid_currency: "The bank was unable to process this payout because of its currency.",
};

/** The bank returns the payout (even after `paid`, as Stripe allows): the money comes back to the balance. */
export function failPayout(sb: Sandbox, payout: Stripe.Payout, code = "account_closed"): Stripe.Payout {
  const message = PAYOUT_FAILURES[code];
  if (!message)
    throw invalidRequest(`Unknown payout failure code ${code}; use one of ${Object.keys(PAYOUT_FAILURES).join(", ")}.`);
  if (payout.status === "failed" || payout.status === "canceled") {
    throw invalidRequest(`Payout ${payout.id} is already ${payout.status}.`);
  }
  const before = clone(payout);
  const transaction = createBalanceTransaction(sb, {
    amount: payout.amount,
    currency: payout.currency,
    type: "payout_failure",
    reportingCategory: "payout_reversal",
    source: payout.id,
    description: "Payout failure",
    availableNow: true,
  });
  payout.status = "failed";
  payout.failure_code = code;
  payout.failure_message = message;
  payout.failure_balance_transaction = transaction.id;
  sb.touch();
  emitEvent(sb, "payout.updated", payout, previousAttributes(before as never, payout as never));
  emitEvent(sb, "payout.failed", payout);
  return payout;
}

export function cancelPayout(sb: Sandbox, payout: Stripe.Payout): Stripe.Payout {
  if (payout.automatic || payout.status !== "pending") {
    throw invalidRequest("Only pending, manually created payouts can be canceled.", { code: "payout_not_cancelable" });
  }
  const transaction = createBalanceTransaction(sb, {
    amount: payout.amount,
    currency: payout.currency,
    type: "payout_cancel",
    reportingCategory: "payout_reversal",
    source: payout.id,
    description: "Payout cancellation",
    availableNow: true,
  });
  payout.status = "canceled";
  payout.failure_balance_transaction = transaction.id;
  sb.touch();
  emitEvent(sb, "payout.canceled", payout);
  return payout;
}
