import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { Tx } from "../db/client";
import { accountBalances } from "./account-balances";
import { ACCOUNT } from "./chart-of-accounts";
import { orderLines } from "./order-lines";
import { postBalanceAvailable } from "./post-balance-available";
import { postDisputeFundsReinstated } from "./post-dispute-funds-reinstated";
import { postDisputeFundsWithdrawn } from "./post-dispute-funds-withdrawn";
import { postPaymentCaptured } from "./post-payment-captured";
import { postPayoutCreated } from "./post-payout-created";
import { postPayoutFailed } from "./post-payout-failed";
import { postPayoutPaid } from "./post-payout-paid";
import { postRefundCreated } from "./post-refund-created";
import { postRefundFailed } from "./post-refund-failed";
import { reverseTransaction } from "./reverse-transaction";
import {
  chargeBalanceTransaction,
  disputeReinstatementBalanceTransaction,
  disputeWithdrawalBalanceTransaction,
  madeAvailable,
  orderId,
  payoutWithBalanceTransaction,
  refundBalanceTransaction,
  refundFailureBalanceTransaction,
} from "./testing/test-fixtures";
import { trialBalance } from "./trial-balance";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const inTx = <T>(work: (tx: Tx) => Promise<T>) => database.prisma.$transaction(work);

/** Non-zero balances by account code, on each account's normal side. */
async function balances(currency: string): Promise<Record<string, bigint>> {
  const rows = await inTx((tx) => accountBalances(tx, { currency }));
  return Object.fromEntries(rows.filter((row) => row.balance !== 0n).map((row) => [row.code, row.balance]));
}

async function linesByEntry(order: string) {
  const lines = await inTx((tx) => orderLines(tx, order));
  return lines.map((line) => [line.kind, line.accountCode, line.direction, line.amountMinor]);
}

describe("postings", () => {
  it("an order paid, made available, partly refunded and disputed shows each entry's lines", async () => {
    const order = orderId();
    const charge = chargeBalanceTransaction(2000, { currency: "usd" });
    const refund = refundBalanceTransaction(500);
    const dispute = disputeWithdrawalBalanceTransaction(1500);
    await inTx((tx) => postPaymentCaptured(tx, { balanceTransaction: charge, orderId: order }));
    await inTx((tx) => postBalanceAvailable(tx, { balanceTransaction: madeAvailable(charge), orderId: order }));
    await inTx((tx) => postRefundCreated(tx, { balanceTransaction: refund, orderId: order }));
    await inTx((tx) => postDisputeFundsWithdrawn(tx, { balanceTransaction: dispute, orderId: order }));

    expect(await linesByEntry(order)).toEqual([
      ["payment_captured", ACCOUNT.stripePending, "debit", 1912n],
      ["payment_captured", ACCOUNT.processingFees, "debit", 88n],
      ["payment_captured", ACCOUNT.salesRevenue, "credit", 2000n],
      ["refund_created", ACCOUNT.stripeAvailable, "credit", 500n],
      ["refund_created", ACCOUNT.refunds, "debit", 500n],
      ["dispute_funds_withdrawn", ACCOUNT.stripeAvailable, "credit", 3000n],
      ["dispute_funds_withdrawn", ACCOUNT.disputeFees, "debit", 1500n],
      ["dispute_funds_withdrawn", ACCOUNT.disputeLosses, "debit", 1500n],
      // Effective at the charge's available_on, two days after the charge.
      ["balance_available", ACCOUNT.stripeAvailable, "debit", 1912n],
      ["balance_available", ACCOUNT.stripePending, "credit", 1912n],
    ]);
    expect(await balances("USD")).toMatchObject({
      [ACCOUNT.stripeAvailable]: 1912n - 500n - 3000n,
      [ACCOUNT.salesRevenue]: 2000n,
      [ACCOUNT.refunds]: 500n,
      [ACCOUNT.processingFees]: 88n,
      [ACCOUNT.disputeLosses]: 1500n,
      [ACCOUNT.disputeFees]: 1500n,
    });
  });

  it("a won dispute reverses the loss, and the fee too when Stripe returns it", async () => {
    const kept = disputeReinstatementBalanceTransaction(1500, { currency: "eur" });
    const returned = disputeReinstatementBalanceTransaction(1500, { currency: "eur", fee: -1500 });
    await inTx((tx) =>
      postDisputeFundsWithdrawn(tx, {
        balanceTransaction: disputeWithdrawalBalanceTransaction(1500, { currency: "eur" }),
      }),
    );
    await inTx((tx) =>
      postDisputeFundsWithdrawn(tx, {
        balanceTransaction: disputeWithdrawalBalanceTransaction(1500, { currency: "eur" }),
      }),
    );
    await inTx((tx) => postDisputeFundsReinstated(tx, { balanceTransaction: kept }));
    await inTx((tx) => postDisputeFundsReinstated(tx, { balanceTransaction: returned }));
    // Two withdrawals of 1500 + 1500 fee; one win returned 1500, the other 1500 plus its fee.
    expect(await balances("EUR")).toEqual({
      [ACCOUNT.stripeAvailable]: -6000n + 1500n + 3000n,
      [ACCOUNT.disputeFees]: 1500n,
    });
  });

  it("a failed refund puts the money back and reverses the contra-revenue", async () => {
    const order = orderId();
    await inTx((tx) =>
      postRefundCreated(tx, { balanceTransaction: refundBalanceTransaction(700, { currency: "gbp" }), orderId: order }),
    );
    await inTx((tx) =>
      postRefundFailed(tx, {
        balanceTransaction: refundFailureBalanceTransaction(700, { currency: "gbp" }),
        orderId: order,
      }),
    );
    expect(await balances("GBP")).toEqual({});
    expect((await linesByEntry(order)).slice(2)).toEqual([
      ["refund_failed", ACCOUNT.stripeAvailable, "debit", 700n],
      ["refund_failed", ACCOUNT.refunds, "credit", 700n],
    ]);
  });

  it("a payout moves funds to payouts in transit, then to the bank; paid then failed returns them", async () => {
    const { payout, balanceTransaction, failureBalanceTransaction } = payoutWithBalanceTransaction(10_000, {
      currency: "cad",
    });
    await inTx((tx) => postPayoutCreated(tx, { payout, balanceTransaction }));
    expect(await balances("CAD")).toEqual({ [ACCOUNT.stripeAvailable]: -10_000n, [ACCOUNT.payoutsInTransit]: 10_000n });
    await inTx((tx) => postPayoutPaid(tx, { payout }));
    expect(await balances("CAD")).toEqual({ [ACCOUNT.stripeAvailable]: -10_000n, [ACCOUNT.bank]: 10_000n });
    const failed = await inTx((tx) => postPayoutFailed(tx, { payout, failureBalanceTransaction }));
    expect(failed.paidReversal?.posted).toBe(true);
    expect(await balances("CAD")).toEqual({});
  });

  it("a payout's failure delivered before its stale `paid` leaves the bank untouched", async () => {
    const { payout, balanceTransaction, failureBalanceTransaction } = payoutWithBalanceTransaction(4_000, {
      currency: "aud",
    });
    await inTx((tx) => postPayoutFailed(tx, { payout, failureBalanceTransaction }));
    expect(await inTx((tx) => postPayoutPaid(tx, { payout }))).toBeNull();
    await inTx((tx) => postPayoutCreated(tx, { payout, balanceTransaction }));
    expect(await balances("AUD")).toEqual({});
  });

  it("funds becoming available move from pending to available once; never-pending funds post nothing", async () => {
    const charge = chargeBalanceTransaction(1000, { currency: "jpy" });
    await inTx((tx) => postPaymentCaptured(tx, { balanceTransaction: charge }));
    await expect(inTx((tx) => postBalanceAvailable(tx, { balanceTransaction: charge }))).rejects.toThrow(
      /still pending/,
    );
    for (let i = 0; i < 2; i++)
      await inTx((tx) => postBalanceAvailable(tx, { balanceTransaction: madeAvailable(charge) }));
    expect(await balances("JPY")).toMatchObject({ [ACCOUNT.stripeAvailable]: 1000n - 59n });
    expect(await balances("JPY")).not.toHaveProperty(ACCOUNT.stripePending);
    const refund = refundBalanceTransaction(100, { currency: "jpy" });
    expect(await inTx((tx) => postBalanceAvailable(tx, { balanceTransaction: refund }))).toBeNull();
  });

  it("refuses a balance transaction of the wrong kind with a 400", async () => {
    const refund = refundBalanceTransaction(100);
    await expect(inTx((tx) => postPaymentCaptured(tx, { balanceTransaction: refund }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/is a refund, expected charge/),
    });
  });

  it("corrects an entry with a reversing entry, once", async () => {
    const order = orderId();
    const staff = orderId();
    const captured = await inTx((tx) =>
      postPaymentCaptured(tx, {
        balanceTransaction: chargeBalanceTransaction(3000, { currency: "chf" }),
        orderId: order,
      }),
    );
    const reverse = () =>
      inTx((tx) =>
        reverseTransaction(tx, {
          transactionId: captured.entry.transactionId,
          staffUserId: staff,
          reason: "Posted to the wrong order",
        }),
      );
    expect((await reverse()).posted).toBe(true);
    expect((await reverse()).posted).toBe(false);
    expect(await balances("CHF")).toEqual({});
    const { balanced, totalDebits } = await inTx((tx) => trialBalance(tx, { currency: "chf" }));
    expect({ balanced, totalDebits }).toEqual({ balanced: true, totalDebits: 0n });
  });
});
