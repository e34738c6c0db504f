import { readFileSync } from "node:fs";
import path from "node:path";

// Where the end-to-end run's app, database and sandbox listen. Overridable so two runs on one
// machine never collide; playwright.config.ts starts the app with the same values.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_POSTGRES_PORT = Number(process.env.E2E_POSTGRES_PORT ?? 54350);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 12150);
/** The run's local Xero organisation (scripts/xero-test-server.ts), which the app connects to. */
export const E2E_XERO_PORT = Number(process.env.E2E_XERO_PORT ?? 12160);
export const E2E_XERO_URL = `http://127.0.0.1:${E2E_XERO_PORT}`;
/** The run's mail catcher (scripts/mail-catcher.ts): the app sends customer mails to its SMTP port. */
export const E2E_MAIL_SMTP_PORT = Number(process.env.E2E_MAIL_SMTP_PORT ?? 12170);
export const E2E_MAIL_WEB_PORT = Number(process.env.E2E_MAIL_WEB_PORT ?? 12171);
export const E2E_MAIL_URL = `http://127.0.0.1:${E2E_MAIL_WEB_PORT}`;
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
export const E2E_DATABASE_URL = `postgresql://payops:payops@127.0.0.1:${E2E_POSTGRES_PORT}/payops`;
/** The bearer token the run's Prometheus sends to /api/metrics. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789";

/**
 * Headers for the sandbox's control API: the launcher's sandbox writes this run's token into its
 * data dir (E2E_SANDBOX_CONTROL_TOKEN names it for a sandbox started elsewhere).
 */
export function sandboxControlHeaders(): Record<string, string> {
  const token =
    process.env.E2E_SANDBOX_CONTROL_TOKEN ??
    readFileSync(path.resolve(".data/e2e/stripe-sandbox/control-token"), "utf8").trim();
  return { authorization: `Bearer ${token}`, "content-type": "application/json" };
}
/**
 * Sign-in attempts per address in the run: every browser spec signs in from one machine (two
 * attempts each with a two-factor code), so the run allows more than the default 30.
 */
export const E2E_SIGN_IN_LIMIT_PER_IP = 60;
