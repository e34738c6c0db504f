import type { PrismaClient } from "../db/client";
import { LEGS, type Leg } from "./break-types";
import { matchPayoutsToBank } from "./match-bank";
import { matchPayopsToStripe } from "./match-payops-stripe";
import { matchPayoutTotals } from "./match-payouts";
import type { MatchWindow } from "./match-window";
import { analyzeStagedRows, prepareMatchingTransaction } from "./matching-transaction";
import { mergeFindingsIntoBreaks, resolveBreaksNoLongerFound } from "./record-breaks";
import { type ReconciliationSummary, runSummary } from "./run-summary";
import { dropStagedRows, stageBalanceTransactions, stagePayouts, stagePayoutTransactions } from "./stage-rows";
import type { StagedPayout } from "./staged-rows";
import { batches, type StripeSide } from "./stripe-side";
import { type ReconciliationTolerances, reconciliationTolerances } from "./tolerances";

export type RunTrigger = "command" | "schedule" | "back_office";

export type RunReconciliationInput = {
  from: Date;
  to: Date;
  /** Ages are measured from here; defaults to now. */
  asOf?: Date;
  trigger: RunTrigger;
  tolerances?: ReconciliationTolerances;
  /** Rows per multi-row insert. */
  batchSize?: number;
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Reconciles one window: stages Stripe's side in batches (rows read recorded as it goes, for the
 * progress bar), matches the three legs in one database transaction, merges the findings into the
 * break queue and resolves the breaks that are gone. Safe to run again on the same window.
 */
export async function runReconciliation(
  deps: { prisma: PrismaClient; stripeSide: StripeSide },
  input: RunReconciliationInput,
): Promise<ReconciliationSummary> {
  const { prisma, stripeSide } = deps;
  if (!(input.from < input.to)) throw new Error("The window's start must be before its end.");
  const started = performance.now();
  const batchSize = input.batchSize ?? 2000;
  const run = await prisma.reconciliationRun.create({
    data: {
      windowFrom: input.from,
      windowTo: input.to,
      asOf: input.asOf ?? new Date(),
      source: stripeSide.name,
      trigger: input.trigger,
    },
  });
  const window: MatchWindow = {
    runId: run.id,
    from: input.from,
    to: input.to,
    asOf: run.asOf,
    tolerances: input.tolerances ?? reconciliationTolerances(),
  };
  const range = { from: seconds(input.from), to: seconds(input.to) };
  let rowsRead = 0;
  const progress = async (stage: string, added: number) => {
    rowsRead += added;
    await prisma.reconciliationRun.update({ where: { id: run.id }, data: { stage, rowsRead } });
  };
  try {
    for await (const batch of batches(stripeSide.balanceTransactions(range), batchSize)) {
      await stageBalanceTransactions(prisma, run.id, batch);
      await progress("reading_stripe", batch.length);
    }
    const payouts: StagedPayout[] = [];
    for await (const payout of stripeSide.payouts(range)) payouts.push(payout);
    await stagePayouts(prisma, run.id, payouts);
    await progress("reading_payouts", payouts.length);
    for await (const batch of batches(stripeSide.payoutTransactions(payouts, range), batchSize)) {
      await stagePayoutTransactions(prisma, run.id, batch);
      await progress("reading_payouts", batch.length);
    }
    await analyzeStagedRows(prisma);
    await progress("matching", 0);
    const readingMs = Math.round(performance.now() - started);
    const matchingStarted = performance.now();
    const legs: Leg[] = (await prisma.bankAccount.count()) > 0 ? [...LEGS] : [1, 2];
    const breaks = await prisma.$transaction(
      async (tx) => {
        await prepareMatchingTransaction(tx);
        await matchPayopsToStripe(tx, window);
        await matchPayoutTotals(tx, window);
        if (legs.includes(3)) await matchPayoutsToBank(tx, window);
        const merged = await mergeFindingsIntoBreaks(tx, run.id);
        const resolved = await resolveBreaksNoLongerFound(tx, window, legs);
        return { ...merged, resolved };
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
    const matchingMs = Math.round(performance.now() - matchingStarted);
    const summary = {
      ...(await runSummary(prisma, window, { legs, breaks, stripeSide: stripeSide.name })),
      readingMs,
      matchingMs,
    };
    const durationMs = Math.round(performance.now() - started);
    await prisma.reconciliationRun.update({
      where: { id: run.id },
      data: {
        status: "succeeded",
        stage: "done",
        counts: { ...summary, durationMs },
        finishedAt: new Date(),
        durationMs,
      },
    });
    return { ...summary, durationMs };
  } catch (error) {
    await prisma.reconciliationRun.update({
      where: { id: run.id },
      data: {
        status: "failed",
        error: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
        durationMs: Math.round(performance.now() - started),
      },
    });
    throw error;
  } finally {
    await dropStagedRows(prisma, run.id);
  }
}
