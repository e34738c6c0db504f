import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { Prisma } from "../db/client";
import { databaseUnavailableError, isDatabaseUnavailable } from "../db/database-unavailable";
import { AppError } from "../errors";
import { internalErrorMessage } from "../observability/client-error";
import { logger } from "../observability/logger";
import { withSpan } from "../observability/tracing";
import { isStripeUnavailable, stripeUnavailableError } from "../stripe/stripe-unavailable";
import { findUnstorableText } from "../validation/storable-input";
import type { ApiContext } from "./context";

const TRPC_CODES = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UPSTREAM_UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const satisfies Record<AppError["code"], TRPCError["code"]>;

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  /**
   * The one place a tRPC error becomes what the client reads. Internal failures are logged here with
   * the request id and replaced by a sentence carrying that id: no Prisma text, SQL or stack leaves.
   */
  errorFormatter({ shape, error, ctx, path }) {
    const requestId = ctx?.requestId ?? randomUUID();
    const { stack: _stack, ...data } = shape.data;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: error.cause ?? error, path, requestId }, "procedure failed");
      return {
        ...shape,
        message: internalErrorMessage(requestId),
        data: { ...data, requestId, zodIssues: null, appCode: null, ruleSyntax: null },
      };
    }
    const zod = error.cause instanceof ZodError ? error.cause.issues.map((issue) => issue.message) : null;
    const appCode = error.cause instanceof AppError ? error.cause.code : null;
    // A fraud rule that cannot be read: where, so the editor marks the spot (no internals in it).
    const ruleSyntax = error.cause instanceof AppError ? (error.cause.details?.ruleSyntax ?? null) : null;
    return { ...shape, data: { ...data, requestId, zodIssues: zod, appCode, ruleSyntax } };
  },
});

/** AppErrors become tRPC errors with the matching status; anything else stays internal (hidden above). */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const raw = result.error.cause;
    const cause = isStripeUnavailable(raw)
      ? stripeUnavailableError()
      : isDatabaseUnavailable(raw)
        ? databaseUnavailableError()
        : raw;
    if (cause instanceof AppError) {
      result.error = new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
    } else if (cause instanceof Prisma.PrismaClientKnownRequestError && cause.code === "P2025") {
      // An id that names nothing (findUniqueOrThrow, update by id) is the caller's mistake, not ours.
      result.error = new TRPCError({ code: "NOT_FOUND", message: "Nothing with that id exists", cause });
    }
  }
  return result;
});

/** One span per procedure call, named after it; the route handler's span is its parent. */
const traceProcedure = t.middleware(({ next, path, type }) =>
  withSpan(`trpc ${path}`, { "rpc.system": "trpc", "rpc.method": path, "trpc.type": type }, async (span) => {
    const result = await next();
    if (!result.ok) span.setAttribute("trpc.error_code", result.error.code);
    return result;
  }),
);

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
/**
 * Text PostgreSQL cannot hold (NUL, lone surrogates) is refused for every procedure before its own
 * schema runs, so a field added later cannot forget the check and reach SQL as a 500.
 */
const refuseUnstorableText = t.middleware(async ({ next, getRawInput }) => {
  const problem = findUnstorableText(await getRawInput());
  if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid input: ${problem}` });
  return next();
});

export const publicProcedure = t.procedure.use(traceProcedure).use(mapErrors).use(refuseUnstorableText);
