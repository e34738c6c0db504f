import type { PrismaClient, Tx } from "../db/client";

/**
 * Statistics for the rows just staged. The staging tables hold one run's rows at a time, so the
 * statistics autovacuum last took describe another run: the planner then takes this run's 100,000
 * rows for a handful and loops over them. Part of staging: it runs once the rows are in.
 */
export async function analyzeStagedRows(prisma: Pick<PrismaClient, "$executeRaw">): Promise<void> {
  await prisma.$executeRaw`ANALYZE "reconciliation_stripe_transactions", "reconciliation_stripe_payouts", "reconciliation_payout_transactions"`;
}

/**
 * Settings for the transaction that matches a window, which joins, ranks and aggregates every row
 * of it in a few statements:
 * - hash joins rather than merge or nested-loop joins: the legs' intermediate results have no
 *   statistics, so the planner guesses a join of two 100,000-row sides at about a thousand rows and
 *   sorts both sides for a merge join (twice as slow as hashing, measured), or loops over one side
 *   for each row of the other (minutes);
 * - no JIT: compiling a large statement's expressions costs more than one pass over them saves;
 * - memory for the hashes and sorts of a window, so they do not spill to disk (per sort or hash,
 *   on the database server, so the process's own memory is unaffected).
 */
export async function prepareMatchingTransaction(tx: Pick<Tx, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SET LOCAL enable_mergejoin = off`;
  await tx.$executeRaw`SET LOCAL enable_nestloop = off`;
  await tx.$executeRaw`SET LOCAL jit = off`;
  await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
}
