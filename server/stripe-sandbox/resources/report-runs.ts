import type Stripe from "stripe";
import { currencyExponent } from "../../money";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { ReportRun } from "../core/state";
import { emitEvent } from "../events/emit-event";
import { invalidParam, invalidRequest, resourceMissing } from "../http/errors";
import type { Params } from "../http/form";
import { optionalObject, requiredString } from "../http/params";

/** The report types the sandbox runs, with Stripe's default columns for each. */
export const REPORT_COLUMNS = {
  "balance_change_from_activity.itemized.3": [
    "balance_transaction_id",
    "created_utc",
    "available_on_utc",
    "currency",
    "gross",
    "fee",
    "net",
    "reporting_category",
    "source_id",
    "description",
  ],
  "payout_reconciliation.itemized.5": [
    "automatic_payout_id",
    "automatic_payout_effective_at",
    "balance_transaction_id",
    "created_utc",
    "available_on_utc",
    "currency",
    "gross",
    "fee",
    "net",
    "reporting_category",
    "source_id",
    "description",
  ],
} as const;

type ReportType = keyof typeof REPORT_COLUMNS;

function timestamp(params: Params, name: string): number {
  const value = params[name];
  if (typeof value !== "string" || !/^\d+$/.test(value)) throw invalidParam(`parameters[${name}]`, `Invalid timestamp`);
  return Number(value);
}

export function createReportRun(sb: Sandbox, params: Params, baseUrl: string): ReportRun {
  const reportType = requiredString(params, "report_type");
  if (!Object.hasOwn(REPORT_COLUMNS, reportType)) {
    throw invalidParam(
      "report_type",
      `Unknown report type ${reportType}; the sandbox runs ${Object.keys(REPORT_COLUMNS).join(", ")}.`,
    );
  }
  const parameters = optionalObject(params, "parameters") ?? {};
  const start = timestamp(parameters, "interval_start");
  const end = timestamp(parameters, "interval_end");
  if (start >= end) throw invalidRequest("parameters[interval_start] must be before parameters[interval_end].");
  const run: ReportRun = {
    id: newId("frr"),
    object: "reporting.report_run",
    created: sb.now(),
    error: null,
    livemode: false,
    parameters: { interval_start: start, interval_end: end },
    report_type: reportType,
    result: null,
    status: "pending",
    succeeded_at: null,
    _base_url: baseUrl,
  };
  sb.state.reportRuns[run.id] = run;
  sb.schedule("report_run.succeed", run.id, 0);
  return publicRun(run);
}

/** The run as Stripe shows it (without the sandbox's own bookkeeping). */
export function publicRun(run: ReportRun): ReportRun {
  const { _base_url: _ignored, ...shown } = run;
  return shown as ReportRun;
}

export function retrieveReportRun(sb: Sandbox, id: string): ReportRun {
  const run = sb.state.reportRuns[id];
  if (!run) throw resourceMissing("reporting.report_run", id);
  return publicRun(run);
}

/** The run finishes: its file is described (rows are built when downloaded) and the event goes out. */
export function succeedReportRun(sb: Sandbox, id: string): void {
  const run = sb.state.reportRuns[id];
  if (run?.status !== "pending") return;
  const fileId = newId("file");
  run.status = "succeeded";
  run.succeeded_at = sb.now();
  run.result = {
    id: fileId,
    object: "file",
    created: sb.now(),
    expires_at: sb.now() + 365 * 86_400,
    filename: `${fileId}.csv`,
    purpose: "finance_report_run",
    size: 0,
    title: `${run.report_type} ${run.parameters.interval_start}-${run.parameters.interval_end}`,
    type: "csv",
    url: `${run._base_url ?? ""}/v1/files/${fileId}/contents`,
  };
  sb.touch();
  emitEvent(sb, "reporting.report_run.succeeded", publicRun(run));
}

const utc = (seconds: number) => new Date(seconds * 1000).toISOString().replace("T", " ").slice(0, 19);

/** Amounts in the report are decimal units of the currency, as Stripe writes them. */
function decimal(minor: number, currency: string): string {
  let exponent = 2;
  try {
    exponent = currencyExponent(currency);
  } catch {
    // A currency this runtime does not know: two decimals, as most have.
  }
  if (exponent === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function csvCell(value: string | null): string {
  if (value === null) return "";
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function transactionCells(bt: Stripe.BalanceTransaction): string[] {
  return [
    bt.id,
    utc(bt.created),
    utc(bt.available_on),
    bt.currency,
    decimal(bt.amount, bt.currency),
    decimal(bt.fee, bt.currency),
    decimal(bt.net, bt.currency),
    bt.reporting_category,
    typeof bt.source === "string" ? bt.source : (bt.source?.id ?? null),
    bt.description,
  ].map((cell) => csvCell(cell ?? null));
}

/** The file of a succeeded run, id → CSV lines (header first), built from the balance transactions now. */
export function* reportFileLines(sb: Sandbox, fileId: string): Generator<string> | undefined {
  const run = Object.values(sb.state.reportRuns).find((candidate) => candidate.result?.id === fileId);
  if (!run) return undefined;
  const type = run.report_type as ReportType;
  const { interval_start: start, interval_end: end } = run.parameters;
  yield `${REPORT_COLUMNS[type].join(",")}\n`;
  const { state } = sb;
  if (type === "balance_change_from_activity.itemized.3") {
    for (const bt of Object.values(state.balanceTransactions)) {
      // Payouts are not activity: the balance report lists them in its own section.
      if (bt.created < start || bt.created >= end || bt.reporting_category === "payout") continue;
      yield `${transactionCells(bt).join(",")}\n`;
    }
    return;
  }
  for (const bt of Object.values(state.balanceTransactions)) {
    const payoutId = state.balanceTransactionPayout[bt.id];
    const payout = payoutId ? state.payouts[payoutId] : undefined;
    if (!payout?.automatic || payout.status !== "paid" || bt.source === payout.id) continue;
    if (state.payoutListingOmissions[bt.id] === payout.id) continue;
    if (payout.arrival_date < start || payout.arrival_date >= end) continue;
    yield `${[payout.id, utc(payout.arrival_date), ...transactionCells(bt)].join(",")}\n`;
  }
}
