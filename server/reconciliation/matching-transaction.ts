import type { Tx } from "../db/client";

/**
 * Settings for the transaction that matches a window, which joins, ranks and aggregates every row
 * of it in a few statements:
 * - hash joins rather than merge joins: the legs' intermediate results have no statistics, so the
 *   planner guesses a join of two 100,000-row sides at about a thousand rows and sorts both sides
 *   of it for a merge join, which measured twice as slow as hashing;
 * - no JIT: compiling a large statement's expressions costs more than one pass over them saves;
 * - memory for the hashes and sorts of a window, so they do not spill to disk (per sort or hash,
 *   on the database server, so the process's own memory is unaffected).
 */
export async function prepareMatchingTransaction(tx: Pick<Tx, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SET LOCAL enable_mergejoin = off`;
  await tx.$executeRaw`SET LOCAL jit = off`;
  await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
}
