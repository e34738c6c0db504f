import type { PrismaClient } from "../db/client";
import type { Leg } from "./break-types";
import type { MatchWindow } from "./match-window";

export type ReconciliationSummary = {
  runId: string;
  window: { from: string; to: string; asOf: string };
  source: string;
  legs: Leg[];
  rowsRead: { balanceTransactions: number; payouts: number; payoutTransactions: number; bankLines: number };
  /** Findings of this run per leg and type (timing included: expected, not queued). */
  findings: Record<string, Record<string, number>>;
  /** Breaks of this run per type (timing excluded). */
  breaks: Record<string, number>;
  timing: number;
  opened: number;
  seenAgain: number;
  resolved: number;
  /** Reading and staging Stripe's side, then the three legs with the merge into the queue. */
  readingMs?: number;
  matchingMs?: number;
  durationMs?: number;
};

export async function runSummary(
  prisma: PrismaClient,
  window: MatchWindow,
  details: { legs: Leg[]; breaks: { opened: number; seenAgain: number; resolved: number }; stripeSide: string },
): Promise<ReconciliationSummary> {
  const { runId } = window;
  const [counts] = await prisma.$queryRaw<
    { transactions: bigint; payouts: bigint; payout_transactions: bigint; bank_lines: bigint }[]
  >`
    SELECT (SELECT count(*) FROM "reconciliation_stripe_transactions" WHERE "run_id" = ${runId}::uuid) AS transactions,
           (SELECT count(*) FROM "reconciliation_stripe_payouts" WHERE "run_id" = ${runId}::uuid) AS payouts,
           (SELECT count(*) FROM "reconciliation_payout_transactions" WHERE "run_id" = ${runId}::uuid) AS payout_transactions,
           (SELECT count(*) FROM "bank_statement_lines"
             WHERE "booking_date" >= (${window.from}::timestamptz AT TIME ZONE 'UTC')::date
               AND "booking_date" < (${window.to}::timestamptz AT TIME ZONE 'UTC')::date) AS bank_lines`;
  const grouped = await prisma.$queryRaw<{ leg: number; type: string; n: bigint }[]>`
    SELECT "leg", "type", count(*) AS n FROM "reconciliation_findings" WHERE "run_id" = ${runId}::uuid
     GROUP BY "leg", "type" ORDER BY "leg", "type"`;
  const findings: ReconciliationSummary["findings"] = {};
  const breaks: ReconciliationSummary["breaks"] = {};
  let timing = 0;
  for (const row of grouped) {
    const n = Number(row.n);
    findings[`leg${row.leg}`] = { ...findings[`leg${row.leg}`], [row.type]: n };
    if (row.type === "timing") timing += n;
    else breaks[row.type] = (breaks[row.type] ?? 0) + n;
  }
  return {
    runId,
    window: { from: window.from.toISOString(), to: window.to.toISOString(), asOf: window.asOf.toISOString() },
    source: details.stripeSide,
    legs: details.legs,
    rowsRead: {
      balanceTransactions: Number(counts!.transactions),
      payouts: Number(counts!.payouts),
      payoutTransactions: Number(counts!.payout_transactions),
      bankLines: Number(counts!.bank_lines),
    },
    findings,
    breaks,
    timing,
    ...details.breaks,
  };
}
