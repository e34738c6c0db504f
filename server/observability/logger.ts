import pino from "pino";
import { LOG_REDACTION } from "./log-redaction";

// JSON lines to stdout; LOG_LEVEL is read directly so the logger works before env validation.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "payops" },
  redact: LOG_REDACTION,
});

export type Logger = typeof logger;
