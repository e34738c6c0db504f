import type Stripe from "stripe";
import type { PrismaClient, Tx } from "../../db/client";
import {
  postBalanceAvailable,
  postDisputeFundsWithdrawn,
  postPaymentCaptured,
  postPayoutCreated,
  postPayoutPaid,
  postRefundCreated,
} from "../../ledger";
import {
  chargeBalanceTransaction,
  disputeWithdrawalBalanceTransaction,
  madeAvailable,
  orderId,
  payoutWithBalanceTransaction,
  refundBalanceTransaction,
} from "../../ledger/testing/test-fixtures";

const DAY = 86_400;
const at = (day: number, hour = 10) => Math.floor(Date.UTC(2026, 0, day, hour) / 1000);

/**
 * A month of a store's activity in the ledger, through the ledger's own postings: card payments
 * (pending two days, then available), two refunds, a lost dispute with its fee, three paid
 * payouts, and activity after the last payout that no payout carries yet.
 */
export async function postMonthOfActivity(prisma: PrismaClient): Promise<void> {
  const post = (work: (tx: Tx) => Promise<unknown>) => prisma.$transaction(work);
  let available = 0;
  const charge = async (day: number, amount: number) => {
    const bt = {
      ...chargeBalanceTransaction(amount),
      created: at(day),
      available_on: at(day) + 2 * DAY,
      status: "pending",
    } as Stripe.BalanceTransaction;
    const order = orderId();
    await post((tx) => postPaymentCaptured(tx, { balanceTransaction: bt, orderId: order }));
    await post((tx) => postBalanceAvailable(tx, { balanceTransaction: madeAvailable(bt), orderId: order }));
    available += bt.net;
  };
  const refund = async (day: number, amount: number) => {
    const bt = { ...refundBalanceTransaction(amount), created: at(day, 12), available_on: at(day, 12) };
    await post((tx) => postRefundCreated(tx, { balanceTransaction: bt, orderId: orderId() }));
    available += bt.net;
  };
  const dispute = async (day: number, amount: number) => {
    const bt = { ...disputeWithdrawalBalanceTransaction(amount), created: at(day, 13), available_on: at(day, 13) };
    await post((tx) => postDisputeFundsWithdrawn(tx, { balanceTransaction: bt, orderId: orderId() }));
    available += bt.net;
  };
  const payout = async (day: number) => {
    const { payout: po, balanceTransaction } = payoutWithBalanceTransaction(available);
    const created = { ...balanceTransaction, created: at(day, 20), available_on: at(day, 20) };
    const paid = { ...po, arrival_date: at(day + 2, 0) };
    await post((tx) => postPayoutCreated(tx, { payout: po, balanceTransaction: created }));
    await post((tx) => postPayoutPaid(tx, { payout: paid }));
    available = 0;
  };
  for (const [day, amount] of [
    [2, 4_200],
    [3, 12_999],
    [4, 2_500],
    [5, 8_000],
  ] as const)
    await charge(day, amount);
  await refund(6, 2_500);
  await payout(8);
  for (const [day, amount] of [
    [9, 15_000],
    [10, 3_333],
    [12, 27_450],
  ] as const)
    await charge(day, amount);
  await dispute(14, 15_000);
  await payout(16);
  for (const [day, amount] of [
    [17, 9_999],
    [18, 1_250],
    [20, 6_400],
  ] as const)
    await charge(day, amount);
  await refund(21, 1_250);
  await payout(24);
  for (const [day, amount] of [
    [27, 5_000],
    [28, 7_777],
  ] as const)
    await charge(day, amount);
}
