import { AppError } from "../errors";
import { Prisma } from "./generated/client";

export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL's codes for "not now": shutting down, starting up, too many connections, connection lost. */
const UNAVAILABLE_SQLSTATES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
/** Prisma's: cannot reach the server, timed out, connection closed, no pool slot in time. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection is closed|terminating connection|the database system is (starting up|shutting down)|Can't reach database server|timeout exceeded when trying to connect/i;

/** The database did not answer, or answered that it cannot now: a passing outage, never the caller's fault. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth += 1) {
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
    };
    if (current instanceof Prisma.PrismaClientKnownRequestError) {
      if (UNAVAILABLE_PRISMA_CODES.has(current.code)) return true;
      const original = candidate.meta?.driverAdapterError?.cause?.originalCode;
      if (typeof original === "string" && UNAVAILABLE_SQLSTATES.has(original)) return true;
    }
    if (
      typeof candidate.code === "string" &&
      (UNAVAILABLE_NODE_CODES.has(candidate.code) || UNAVAILABLE_SQLSTATES.has(candidate.code))
    ) {
      return true;
    }
    if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}

/** The one answer PayOps gives while its database is away: 503 with a reason and a retry hint. */
export function databaseUnavailableError(): AppError {
  return new AppError("UPSTREAM_UNAVAILABLE", "PayOps cannot reach its database for a moment; try again shortly.", {
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  });
}
