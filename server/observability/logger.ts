import pino from "pino";
import { LOG_REDACTION } from "./log-redaction";
import { activeTraceIds } from "./tracing";

/** Every line written inside a span carries its trace and span id, so logs and traces join up. */
export function traceFields(): Record<string, string> {
  return activeTraceIds() ?? {};
}

// JSON lines to stdout; LOG_LEVEL is read directly so the logger works before env validation.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "payops" },
  redact: LOG_REDACTION,
  mixin: traceFields,
});

export type Logger = typeof logger;
