import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { resolveChromium } from "./e2e/chromium";
import {
  E2E_BASE_URL,
  E2E_MAIL_SMTP_PORT,
  E2E_MAIL_URL,
  E2E_MAIL_WEB_PORT,
  E2E_METRICS_TOKEN,
  E2E_PORT,
  E2E_POSTGRES_PORT,
  E2E_SANDBOX_PORT,
  E2E_SIGN_IN_LIMIT_PER_IP,
  E2E_XERO_PORT,
  E2E_XERO_URL,
} from "./e2e/e2e-env";

const PORT = E2E_PORT;
const QUIET_SPECS = /(prometheus-metrics|health)\.spec\.ts$/;
const baseURL = E2E_BASE_URL;
const { executablePath, args } = resolveChromium();
// The PayOps app as registered with the run's local Xero organisation.
const XERO_APP = { XERO_CLIENT_ID: "payops-e2e-xero", XERO_CLIENT_SECRET: randomBytes(16).toString("hex") };

export default defineConfig({
  testDir: "e2e",
  // Runs side by side (one per checkout of the tree) each need their own results folder.
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR || "test-results",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  // Specs that need the app to themselves run once the others are done, one file at a time: the
  // Prometheus spec counts every event the app processed, the Health spec pauses event processing.
  projects: [
    { name: "app", testIgnore: QUIET_SPECS },
    { name: "quiet", testMatch: QUIET_SPECS, dependencies: ["app"], workers: 1, fullyParallel: false },
  ],
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: { executablePath, args },
    trace: "retain-on-failure",
  },
  webServer: [
    {
      // A local Xero organisation the accounting spec connects the app to, through the OAuth flow.
      command: `npx tsx --conditions=react-server scripts/xero-test-server.ts --port ${E2E_XERO_PORT}`,
      url: `${E2E_XERO_URL}/_control/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: XERO_APP,
    },
    {
      // A mail catcher the app sends customer mails to; specs read them on its web page.
      command: `npx tsx scripts/mail-catcher.ts --smtp-port ${E2E_MAIL_SMTP_PORT} --web-port ${E2E_MAIL_WEB_PORT}`,
      url: `${E2E_MAIL_URL}/api/mails`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The same launcher as `npm start`: fresh embedded PostgreSQL, migrations, seed, Stripe sandbox, next start.
      command: "npx tsx --conditions=react-server scripts/run-app.ts start",
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        APP_URL: baseURL,
        EMBEDDED_POSTGRES_PORT: String(E2E_POSTGRES_PORT),
        STRIPE_SANDBOX_PORT: String(E2E_SANDBOX_PORT),
        PAYOPS_DATA_DIR: ".data/e2e",
        // Empty means unset: the run always uses its own embedded database, never one from the shell.
        DATABASE_URL: "",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        // Production refuses all three unless named: the run is a production build on the sandbox
        // with the README's staff accounts, and a session key of its own.
        AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("hex"),
        PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: "1",
        PAYOPS_SEED_DEVELOPMENT_STAFF: "1",
        METRICS_TOKEN: E2E_METRICS_TOKEN,
        SMTP_URL: `smtp://127.0.0.1:${E2E_MAIL_SMTP_PORT}`,
        // As if behind one proxy: specs that send X-Forwarded-For speak for a client of their own,
        // and the browser (no header) is its socket address. Limits stay at their defaults except
        // the per-address ones, which the specs together would exceed from one machine.
        TRUSTED_PROXY_HOPS: "1",
        RATE_LIMIT_CHECKOUT_PER_IP: "1000",
        RATE_LIMIT_SIGN_IN_PER_IP: String(E2E_SIGN_IN_LIMIT_PER_IP),
        // Accounting sync against the run's local Xero: every address is configuration.
        ACCOUNTING_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
        XERO_API_URL: `${E2E_XERO_URL}/api.xro/2.0`,
        XERO_TOKEN_URL: `${E2E_XERO_URL}/connect/token`,
        XERO_AUTH_URL: `${E2E_XERO_URL}/identity/connect/authorize`,
        ...XERO_APP,
      },
    },
  ],
});
