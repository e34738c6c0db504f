import pino from "pino";
import { LOG_REDACTION } from "./log-redaction";
import { currentRequestId } from "./request-context";
import { activeTraceIds } from "./tracing";

/**
 * Every line written inside a span carries its trace and span id, and every line written while
 * serving a request its request id, so one request's lines, its trace and its answer join up.
 */
export function correlationFields(): Record<string, string> {
  const requestId = currentRequestId();
  const traceIds = activeTraceIds();
  if (!requestId) return traceIds ?? {};
  return { ...traceIds, requestId };
}

/** The one logger's settings, on any destination (stdout in the app, a buffer in tests). */
export function createLogger(destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    // LOG_LEVEL is read directly so the logger works before env validation.
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { service: "payops" },
    redact: LOG_REDACTION,
    mixin: correlationFields,
  };
  return destination ? pino(options, destination) : pino(options);
}

// JSON lines to stdout (development pipes them through pino-pretty, scripts/run-app.ts).
export const logger = createLogger();

export type Logger = typeof logger;
