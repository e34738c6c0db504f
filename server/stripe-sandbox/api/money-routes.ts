import { resourceMissing } from "../http/errors";
import { optionalString } from "../http/params";
import { computeBalance } from "../resources/balance";
import { retrieveCharge } from "../resources/charges";
import { closeDispute, updateDispute } from "../resources/dispute-actions";
import { retrieveDispute } from "../resources/disputes";
import { retrieveEarlyFraudWarning } from "../resources/early-fraud-warnings";
import { cancelPayout, createPayout, retrievePayout, updatePayout } from "../resources/payouts";
import { createRefund, retrieveRefund, updateRefund } from "../resources/refunds";
import { createReportRun, publicRun, retrieveReportRun } from "../resources/report-runs";
import { paginate } from "./list";
import { type Route, route } from "./route";

export const moneyRoutes: Route[] = [
  route("GET", "/v1/charges", (ctx) => {
    const intent = optionalString(ctx.params, "payment_intent");
    return paginate(
      Object.values(ctx.sb.state.charges),
      ctx.params,
      "/v1/charges",
      (charge) => !intent || charge.payment_intent === intent,
    );
  }),
  route("GET", "/v1/charges/:id", (ctx) => retrieveCharge(ctx.sb, ctx.path[0]!)),
  route("GET", "/v1/charges/:id/refunds", (ctx) => {
    const charge = retrieveCharge(ctx.sb, ctx.path[0]!);
    const refunds = Object.values(ctx.sb.state.refunds).filter((refund) => refund.charge === charge.id);
    return paginate(refunds, ctx.params, `/v1/charges/${charge.id}/refunds`);
  }),
  route("POST", "/v1/refunds", (ctx) => createRefund(ctx.sb, ctx.params)),
  route("GET", "/v1/refunds", (ctx) => {
    const charge = optionalString(ctx.params, "charge");
    const intent = optionalString(ctx.params, "payment_intent");
    return paginate(
      Object.values(ctx.sb.state.refunds),
      ctx.params,
      "/v1/refunds",
      (refund) => (!charge || refund.charge === charge) && (!intent || refund.payment_intent === intent),
    );
  }),
  route("GET", "/v1/refunds/:id", (ctx) => retrieveRefund(ctx.sb, ctx.path[0]!)),
  route("POST", "/v1/refunds/:id", (ctx) => updateRefund(ctx.sb, retrieveRefund(ctx.sb, ctx.path[0]!), ctx.params)),
  route("GET", "/v1/disputes", (ctx) => {
    const charge = optionalString(ctx.params, "charge");
    const intent = optionalString(ctx.params, "payment_intent");
    return paginate(
      Object.values(ctx.sb.state.disputes),
      ctx.params,
      "/v1/disputes",
      (dispute) => (!charge || dispute.charge === charge) && (!intent || dispute.payment_intent === intent),
    );
  }),
  route("GET", "/v1/disputes/:id", (ctx) => retrieveDispute(ctx.sb, ctx.path[0]!)),
  route("POST", "/v1/disputes/:id", (ctx) => updateDispute(ctx.sb, retrieveDispute(ctx.sb, ctx.path[0]!), ctx.params)),
  route("POST", "/v1/disputes/:id/close", (ctx) => closeDispute(ctx.sb, retrieveDispute(ctx.sb, ctx.path[0]!))),
  route("GET", "/v1/radar/early_fraud_warnings", (ctx) => {
    const charge = optionalString(ctx.params, "charge");
    const intent = optionalString(ctx.params, "payment_intent");
    return paginate(
      Object.values(ctx.sb.state.earlyFraudWarnings),
      ctx.params,
      "/v1/radar/early_fraud_warnings",
      (warning) => (!charge || warning.charge === charge) && (!intent || warning.payment_intent === intent),
    );
  }),
  route("GET", "/v1/radar/early_fraud_warnings/:id", (ctx) => retrieveEarlyFraudWarning(ctx.sb, ctx.path[0]!)),
  route("GET", "/v1/balance", (ctx) => computeBalance(ctx.sb)),
  route("GET", "/v1/balance_transactions", (ctx) => {
    const { state } = ctx.sb;
    const payout = optionalString(ctx.params, "payout");
    const type = optionalString(ctx.params, "type");
    const source = optionalString(ctx.params, "source");
    const currency = optionalString(ctx.params, "currency");
    if (payout && !state.payouts[payout]) throw resourceMissing("payout", payout, "payout");
    return paginate(
      Object.values(state.balanceTransactions),
      ctx.params,
      "/v1/balance_transactions",
      (transaction) =>
        (!payout ||
          (state.balanceTransactionPayout[transaction.id] === payout &&
            state.payoutListingOmissions[transaction.id] !== payout)) &&
        (!type || transaction.type === type) &&
        (!source || transaction.source === source) &&
        (!currency || transaction.currency === currency),
    );
  }),
  route("GET", "/v1/balance_transactions/:id", (ctx) => {
    const transaction = ctx.sb.state.balanceTransactions[ctx.path[0]!];
    if (!transaction) throw resourceMissing("balance_transaction", ctx.path[0]!);
    return transaction;
  }),
  route("POST", "/v1/reporting/report_runs", (ctx) => createReportRun(ctx.sb, ctx.params, ctx.baseUrl)),
  route("GET", "/v1/reporting/report_runs", (ctx) =>
    paginate(Object.values(ctx.sb.state.reportRuns).map(publicRun), ctx.params, "/v1/reporting/report_runs"),
  ),
  route("GET", "/v1/reporting/report_runs/:id", (ctx) => retrieveReportRun(ctx.sb, ctx.path[0]!)),
  route("POST", "/v1/payouts", (ctx) => createPayout(ctx.sb, ctx.params)),
  route("GET", "/v1/payouts", (ctx) => {
    const status = optionalString(ctx.params, "status");
    return paginate(
      Object.values(ctx.sb.state.payouts),
      ctx.params,
      "/v1/payouts",
      (payout) => !status || payout.status === status,
    );
  }),
  route("GET", "/v1/payouts/:id", (ctx) => retrievePayout(ctx.sb, ctx.path[0]!)),
  route("POST", "/v1/payouts/:id", (ctx) => updatePayout(ctx.sb, retrievePayout(ctx.sb, ctx.path[0]!), ctx.params)),
  route("POST", "/v1/payouts/:id/cancel", (ctx) => cancelPayout(ctx.sb, retrievePayout(ctx.sb, ctx.path[0]!))),
];
