import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type Stripe from "stripe";
import { toMinorUnits } from "../money";
import type { StagedBalanceTransaction, StagedPayout, StagedPayoutTransaction } from "./staged-rows";
import { payoutIsReconcilable, stripeListSide } from "./stripe-list-side";
import { PAYOUT_LOOKBACK_SECONDS, type SecondsWindow, type StripeSide } from "./stripe-side";

type ReportRow = Record<string, string>;

const seconds = (utc: string) => Math.floor(new Date(`${utc.replace(" ", "T")}Z`).getTime() / 1000);

export type ReportSideOptions = {
  /** The secret key the files host takes (Stripe's SDK does not hand its key out). */
  secretKey: string;
  /** How often to ask whether a report run has finished. */
  pollMs?: number;
  /** Give up on a report run after this long. */
  timeoutMs?: number;
};

/**
 * Stripe's side through the Reporting API, as merchants at volume read it: a report run per window,
 * awaited until `succeeded` (the state `reporting.report_run.succeeded` announces), then its CSV
 * streamed from the file's URL and parsed row by row, never held whole.
 */
export function stripeReportSide(stripe: Stripe, options: ReportSideOptions): StripeSide {
  const list = stripeListSide(stripe);
  const pollMs = options.pollMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;

  async function* reportRows(reportType: string, interval: SecondsWindow): AsyncIterable<ReportRow> {
    let run = await stripe.reporting.reportRuns.create({
      report_type: reportType,
      parameters: { interval_start: interval.from, interval_end: interval.to },
    });
    const deadline = Date.now() + timeoutMs;
    while (run.status === "pending") {
      if (Date.now() > deadline) throw new Error(`Stripe report run ${run.id} did not finish in time`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      run = await stripe.reporting.reportRuns.retrieve(run.id);
    }
    if (run.status !== "succeeded" || !run.result?.url) {
      throw new Error(`Stripe report run ${run.id} ${run.status}: ${run.error ?? "no file"}`);
    }
    const response = await fetch(run.result.url, { headers: { Authorization: `Bearer ${options.secretKey}` } });
    if (!response.ok || !response.body) {
      throw new Error(`Stripe's report file ${run.result.id} answered ${response.status}`);
    }
    const parser = Readable.fromWeb(response.body as never).pipe(parse({ columns: true, bom: true }));
    for await (const row of parser) yield row as ReportRow;
  }

  const staged = (row: ReportRow): StagedBalanceTransaction => ({
    id: row.balance_transaction_id!,
    sourceId: row.source_id || null,
    // The report has no `type`; matching uses the reporting category, as Stripe advises.
    type: row.reporting_category!,
    reportingCategory: row.reporting_category!,
    amount: toMinorUnits(row.gross!, row.currency!),
    fee: toMinorUnits(row.fee!, row.currency!),
    net: toMinorUnits(row.net!, row.currency!),
    currency: row.currency!,
    status: "available",
    created: seconds(row.created_utc!),
    availableOn: seconds(row.available_on_utc!),
  });

  return {
    name: "report",
    async *balanceTransactions(window: SecondsWindow) {
      for await (const row of reportRows("balance_change_from_activity.itemized.3", window)) yield staged(row);
      // Payouts are not activity in Stripe's balance report: their own transactions come from the payouts.
      for await (const payout of list.payouts(window)) {
        if (payout.created < window.from || !payout.balanceTransactionId) continue;
        yield {
          id: payout.balanceTransactionId,
          sourceId: payout.id,
          type: "payout",
          reportingCategory: "payout",
          amount: -payout.amount,
          fee: 0,
          net: -payout.amount,
          currency: payout.currency,
          status: "available",
          created: payout.created,
          availableOn: payout.created,
        } satisfies StagedBalanceTransaction;
      }
    },
    payouts: list.payouts,
    async *payoutTransactions(payouts: StagedPayout[], window: SecondsWindow) {
      const wanted = new Set(payouts.filter(payoutIsReconcilable).map((payout) => payout.id));
      const interval = { from: window.from - PAYOUT_LOOKBACK_SECONDS, to: window.to + PAYOUT_LOOKBACK_SECONDS };
      for await (const row of reportRows("payout_reconciliation.itemized.5", interval)) {
        if (!wanted.has(row.automatic_payout_id!)) continue;
        yield {
          payoutId: row.automatic_payout_id!,
          id: row.balance_transaction_id!,
          sourceId: row.source_id || null,
          type: row.reporting_category!,
          net: toMinorUnits(row.net!, row.currency!),
          currency: row.currency!,
        } satisfies StagedPayoutTransaction;
      }
    },
  };
}
