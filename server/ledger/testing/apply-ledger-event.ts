// Test support: hands one event's object to the posting a webhook handler would call for it.
import type { Tx } from "../../db/client";
import { postBalanceAvailable } from "../post-balance-available";
import { postDisputeFundsReinstated } from "../post-dispute-funds-reinstated";
import { postDisputeFundsWithdrawn } from "../post-dispute-funds-withdrawn";
import { postPaymentCaptured } from "../post-payment-captured";
import { postPayoutCreated } from "../post-payout-created";
import { postPayoutFailed } from "../post-payout-failed";
import { postPayoutPaid } from "../post-payout-paid";
import { postRefundCreated } from "../post-refund-created";
import { postRefundFailed } from "../post-refund-failed";
import type { LedgerEvent } from "./stripe-account-model";

export async function applyLedgerEvent(tx: Tx, event: LedgerEvent, context: { orderId?: string } = {}): Promise<void> {
  const { orderId } = context;
  switch (event.type) {
    case "captured":
      await postPaymentCaptured(tx, { balanceTransaction: event.bt, orderId });
      return;
    case "available":
      await postBalanceAvailable(tx, { balanceTransaction: event.bt, orderId });
      return;
    case "refunded":
      await postRefundCreated(tx, { balanceTransaction: event.bt, orderId });
      return;
    case "refundFailed":
      await postRefundFailed(tx, { balanceTransaction: event.bt, orderId });
      return;
    case "disputeWithdrawn":
      await postDisputeFundsWithdrawn(tx, { balanceTransaction: event.bt, orderId });
      return;
    case "disputeReinstated":
      await postDisputeFundsReinstated(tx, { balanceTransaction: event.bt, orderId });
      return;
    case "payoutCreated":
      await postPayoutCreated(tx, { payout: event.payout, balanceTransaction: event.bt });
      return;
    case "payoutPaid":
      await postPayoutPaid(tx, { payout: event.payout });
      return;
    case "payoutFailed":
      await postPayoutFailed(tx, { payout: event.payout, failureBalanceTransaction: event.bt });
      return;
  }
}
