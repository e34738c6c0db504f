import { emitEvent } from "../events/emit-event";
import { previousAttributes } from "../events/previous-attributes";
import { announceAvailableFunds, attachBalanceTransaction, settleAsyncPayment } from "../resources/charge-payment";
import { settleDispute } from "../resources/dispute-actions";
import { expireAuthorization } from "../resources/payment-intents";
import { failRefund, settleRefund } from "../resources/refund-lifecycle";
import { succeedReportRun } from "../resources/report-runs";
import { clone } from "./sandbox";
import type { TaskHandlers } from "./scheduler";

export const taskHandlers: TaskHandlers = {
  "charge.balance_transaction"(sb, task) {
    const charge = sb.state.charges[task.ref];
    if (!charge || charge.balance_transaction) return;
    const before = clone(charge);
    attachBalanceTransaction(sb, charge, false);
    emitEvent(sb, "charge.updated", charge, previousAttributes(before as never, charge as never));
    announceAvailableFunds(sb, charge);
  },
  "refund.settle"(sb, task) {
    settleRefund(sb, task.ref);
  },
  "refund.fail"(sb, task) {
    const refund = sb.state.refunds[task.ref];
    if (refund && refund.status === "succeeded") failRefund(sb, refund.id, "expired_or_canceled_card");
  },
  "payment.settle"(sb, task) {
    settleAsyncPayment(sb, task.ref);
  },
  "authorization.expire"(sb, task) {
    const intent = sb.state.paymentIntents[task.ref];
    if (intent?.status === "requires_capture") expireAuthorization(sb, intent);
  },
  "report_run.succeed"(sb, task) {
    succeedReportRun(sb, task.ref);
  },
  "dispute.settle"(sb, task) {
    const dispute = sb.state.disputes[task.ref];
    if (dispute && (dispute.status === "under_review" || dispute.status === "warning_under_review")) {
      settleDispute(sb, dispute, task.arg === "won" ? "won" : "lost");
    }
  },
};
