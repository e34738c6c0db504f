import { setTimeout as sleep } from "node:timers/promises";
import { logger } from "../observability/logger";
import { Prisma, type PrismaClient, type Tx } from "./client";

export type TransactionOptions = { maxWait?: number; timeout?: number; attempts?: number };

/** PostgreSQL's serialization failure and deadlock, as Prisma reports them (P2034, or a raw query's code). */
export function isRetriableTransactionError(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2034") return true;
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return code === "40001" || code === "40P01";
}

/**
 * Runs `fn` in a transaction and runs it again, a bounded number of times with a short jittered
 * pause, when PostgreSQL aborts it as a deadlock victim or a serialization failure. Everything
 * `fn` wrote was rolled back, so running it again is safe; any other error is thrown at once.
 */
export async function runTransaction<T>(
  prisma: PrismaClient,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const { attempts = 4, ...transactionOptions } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(fn, transactionOptions);
    } catch (error) {
      if (attempt >= attempts || !isRetriableTransactionError(error)) throw error;
      logger.info({ attempt, err: error }, "transaction aborted by a deadlock or serialization failure; retrying");
      await sleep(10 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}
