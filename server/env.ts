import "server-only";
import { z } from "zod";
import { isLocale, isTimeZone } from "./formatting/format-date-time";

// Empty strings count as unset, so `FOO=` in a shell or .env behaves like no FOO at all.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.pathname.length > 1;
  } catch {
    return false;
  }
}, "expected a postgresql://user:password@host:port/database URL");

const flag = optional(z.enum(["0", "1"], "expected 0 or 1")).transform((value) => value === "1");

const port = z.coerce.number().int().min(1).max(65535);
/** A rate limit in requests per window; empty means the default. */
const limit = (fallback: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(1, "expected a positive whole number of requests").max(1_000_000).default(fallback),
  );

export const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: optional(postgresUrl),
  /** Set by the launcher: whether DATABASE_URL points at the embedded server. */
  PAYOPS_DATABASE_MODE: z.enum(["embedded", "external"]).default("external"),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  PORT: port.default(3000),
  APP_URL: z.url("expected an absolute URL such as http://localhost:3000").default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  STRIPE_SECRET_KEY: optional(
    z.string().regex(/^(sk|rk)_(test|live)_/, "expected a key starting sk_test_, sk_live_ or rk_"),
  ),
  STRIPE_PUBLISHABLE_KEY: optional(
    z.string().regex(/^pk_(test|live)_/, "expected a key starting pk_test_ or pk_live_"),
  ),
  STRIPE_WEBHOOK_SECRET: optional(z.string().startsWith("whsec_", "expected a signing secret starting whsec_")),
  STRIPE_API_URL: optional(z.url("expected the sandbox's base URL, e.g. http://127.0.0.1:12111")),
  STRIPE_SANDBOX_PORT: port.default(12111),
  JOB_EXECUTOR: z.enum(["local", "inngest"]).default("local"),
  /**
   * With the local executor, who processes the inbox: an inbox worker inside this server (in-app),
   * `npm run worker` processes beside it (external), or one job per event (jobs).
   */
  STRIPE_EVENT_WORKER: z.enum(["in-app", "external", "jobs"]).default("in-app"),
  /** Orders one inbox worker processes at once. */
  STRIPE_EVENT_WORKER_ORDERS: z.coerce.number().int().min(1).max(64).default(8),
  /** How often the local executor runs scheduled jobs such as the inbox sweeper (0: never). */
  JOB_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** How long an order may sit unsettled before the sweeper asks Stripe about it. */
  SWEEP_STUCK_ORDER_AGE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 60_000),
  /**
   * How long a stored event may wait unprocessed before the sweeper dispatches it again (its first
   * dispatch was lost: a crash, a restart). Shorter means faster recovery and more repeat dispatches
   * of events still in flight, which processing ignores.
   */
  SWEEP_UNPROCESSED_EVENT_AGE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(2 * 60_000),
  /** An inbox event or outbox effect failing this many times is parked as a dead letter. */
  DEAD_LETTER_AFTER_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  INNGEST_EVENT_KEY: optional(z.string().min(1)),
  /**
   * Read by the Inngest SDK: 1 (or the dev server's URL) talks to the Inngest dev server without
   * keys; 0 or unset means Inngest Cloud or a self-hosted server (keys required).
   */
  INNGEST_DEV: optional(
    z
      .string()
      .refine(
        (value) => ["0", "1", "true", "false"].includes(value) || z.url().safeParse(value).success,
        "expected 1, 0 or the dev server's URL",
      ),
  ),
  /** Read by the Inngest SDK: a self-hosted Inngest server's base URL (events and API); unset: Inngest Cloud. */
  INNGEST_BASE_URL: optional(z.url("expected the Inngest server's base URL, e.g. http://inngest.internal:8288")),
  INNGEST_SIGNING_KEY: optional(z.string().min(1)),
  AUTH_SECRET: optional(z.string().min(32, "expected at least 32 characters")),
  /**
   * Refunds above this many minor units (of the payment's own currency, so 10000 is 100.00 USD but
   * 10000 JPY) wait for someone with refunds.approve who did not request them.
   */
  REFUND_APPROVAL_THRESHOLD_MINOR: z.coerce.number().int().min(0).default(10_000),
  /** An order still unpaid this many minutes after checkout is canceled, its PaymentIntent with it (1440: a day). */
  UNPAID_ORDER_CANCEL_AFTER_MINUTES: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(5, "expected at least 5 minutes").max(43_200).default(1440),
  ),
  /** The IANA time zone every screen, receipt and mail writes times in (the exact UTC time shows on hover). */
  MERCHANT_TIME_ZONE: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .refine(isTimeZone, "expected an IANA time zone such as Europe/Berlin or America/New_York")
      .default("UTC"),
  ),
  /** The BCP 47 locale dates are written in (en-US: "Dec 1, 2026"; en-GB: "1 Dec 2026"). */
  MERCHANT_LOCALE: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().refine(isLocale, "expected a locale such as en-US or de-DE").default("en-US"),
  ),
  /** With it, `GET /api/health` (Authorization: Bearer …) answers the detailed readiness report. */
  HEALTH_TOKEN: optional(z.string().min(16, "expected at least 16 characters")),
  /** Production normally refuses the Stripe sandbox; 1 allows it (end-to-end runs, demos), loudly logged. */
  PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: flag,
  /** Production never seeds the README's staff accounts unless this is 1 (with the sandbox only). */
  PAYOPS_SEED_DEVELOPMENT_STAFF: flag,
  /** Where traces go over OTLP/HTTP (e.g. http://otel-collector:4318); unset: traces stay in the process. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(z.url("expected the collector's base URL, e.g. http://localhost:4318")),
  /** With it, server errors also go to Sentry (@sentry/nextjs); unset, nothing is sent anywhere. */
  SENTRY_DSN: optional(z.url("expected the project's DSN from Sentry, e.g. https://key@o1.ingest.sentry.io/2")),
  /** Link to a trace in the merchant's trace viewer; `{traceId}` is replaced (Grafana Tempo, Jaeger, Honeycomb…). */
  TRACE_URL_TEMPLATE: optional(
    z
      .url("expected an http(s) URL with {traceId} in it, e.g. https://grafana.example/explore?traceId={traceId}")
      .refine(
        (value) => value.includes("{traceId}") && /^https?:/.test(value),
        "expected an http(s) URL with {traceId} in it",
      ),
  ),
  /** off turns metrics and tracing off, to measure what they cost (the webhook benchmark). */
  PAYOPS_TELEMETRY: z.enum(["on", "off"]).default("on"),
  /** 1 also traces Next.js's own steps (request, render, fetch spans); they cost more than the rest of telemetry. */
  PAYOPS_TRACE_NEXTJS: z.enum(["0", "1"]).default("0"),
  /** Bearer token Prometheus sends to /api/metrics; unset turns the endpoint off. */
  METRICS_TOKEN: optional(
    z.string().regex(/^[\x21-\x7e]{16,}$/, "expected at least 16 printable characters without spaces"),
  ),
  /**
   * Proxies in front of PayOps whose X-Forwarded-For entries are believed (0: none, the socket
   * address is the client). Anything a client writes into the header beyond them is ignored.
   */
  TRUSTED_PROXY_HOPS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(0).max(10).default(0),
  ),
  /**
   * US dollars per unit of each currency, for :amount_in_usd: in fraud rules ("EUR=1.08,JPY=0.0067").
   * A currency missing from the table has no :amount_in_usd: (its rules do not match).
   */
  FRAUD_USD_RATES: optional(
    z
      .string()
      .regex(
        /^\s*[A-Za-z]{3}=[0-9]+(\.[0-9]{1,6})?\s*(,\s*[A-Za-z]{3}=[0-9]+(\.[0-9]{1,6})?\s*)*$/,
        "expected CUR=rate pairs separated by commas, e.g. EUR=1.08,JPY=0.0067",
      ),
  ),
  /**
   * Early fraud warnings on payments below this many US dollars (FRAUD_USD_RATES converts) are
   * refunded automatically; larger ones, and currencies the rate table lacks, join the review queue.
   */
  FRAUD_EARLY_WARNING_REFUND_BELOW_USD: z
    .string()
    .regex(/^[0-9]{1,9}(\.[0-9]{1,2})?$/, "expected US dollars, e.g. 75 or 75.50")
    .default("100"),
  /** Headers read (in order) for the client's country when TRUSTED_PROXY_HOPS > 0; comma-separated. */
  FRAUD_IP_COUNTRY_HEADERS: optional(
    z.string().regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/i, "expected header names separated by commas, e.g. cf-ipcountry"),
  ),
  /** Rate limits count here when set (shared by every instance); in each process's memory otherwise. */
  REDIS_URL: optional(
    z.string().regex(/^rediss?:\/\/\S+$/, "expected a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379"),
  ),
  /**
   * Seals accounting connections' tokens (AES-256-GCM): 32 bytes as 64 hex digits or base64.
   * Required as soon as a connection exists (the accounting sync refuses to run without it).
   */
  /**
   * Where customer mails go: smtp://user:pass@host:port (or smtps://). Unset: mails are not sent
   * (each mail effect is recorded as done, "not sent"); `npm run dev` starts a local mail catcher
   * and sets it.
   */
  SMTP_URL: optional(
    z
      .url("expected smtp://host:port or smtps://user:password@host:port")
      .refine(
        (value) => value.startsWith("smtp://") || value.startsWith("smtps://"),
        "expected smtp://host:port or smtps://user:password@host:port",
      ),
  ),
  /** The sender customers see on PayOps's mails. */
  MAIL_FROM: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(3).default("PayOps Shop <orders@payops.local>"),
  ),
  /** The development mail catcher's ports (SMTP, web page), started by `npm run dev` when SMTP_URL is unset. */
  MAIL_CATCHER_SMTP_PORT: port.default(1025),
  MAIL_CATCHER_WEB_PORT: port.default(1080),
  ACCOUNTING_ENCRYPTION_KEY: optional(
    z
      .string()
      .refine(
        (value) => /^[0-9a-fA-F]{64}$/.test(value) || Buffer.from(value, "base64").length === 32,
        "expected 32 bytes as 64 hex digits or base64",
      ),
  ),
  QUICKBOOKS_API_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url().default("https://quickbooks.api.intuit.com"),
  ),
  QUICKBOOKS_TOKEN_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url().default("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"),
  ),
  QUICKBOOKS_AUTH_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url().default("https://appcenter.intuit.com/connect/oauth2"),
  ),
  XERO_API_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().default("https://api.xero.com/api.xro/2.0")),
  XERO_TOKEN_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url().default("https://identity.xero.com/connect/token"),
  ),
  XERO_AUTH_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url().default("https://login.xero.com/identity/connect/authorize"),
  ),
  /** The PayOps app registered with each vendor, for connecting from the back office (OAuth). */
  QUICKBOOKS_CLIENT_ID: optional(z.string().trim().min(1)),
  QUICKBOOKS_CLIENT_SECRET: optional(z.string().trim().min(1)),
  XERO_CLIENT_ID: optional(z.string().trim().min(1)),
  XERO_CLIENT_SECRET: optional(z.string().trim().min(1)),
  RATE_LIMIT_SIGN_IN_PER_IP: limit(30),
  RATE_LIMIT_SIGN_IN_PER_ACCOUNT: limit(10),
  RATE_LIMIT_CHECKOUT_PER_IP: limit(20),
  RATE_LIMIT_CHECKOUT_PER_EMAIL: limit(10),
  RATE_LIMIT_STAFF_MUTATIONS_PER_SESSION: limit(120),
  RATE_LIMIT_WEBHOOK_PER_SOURCE: limit(10_000),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class ConfigurationError extends Error {}

/** Parses the environment; a bad value throws one line naming the variable and what it expects. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = issue.path.join(".");
    throw new ConfigurationError(`Invalid configuration: ${name} ${issue.message}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new ConfigurationError(
      "Invalid configuration: AUTH_SECRET is required in production (at least 32 characters)",
    );
  }
  const inngestDev = env.INNGEST_DEV !== undefined && env.INNGEST_DEV !== "0" && env.INNGEST_DEV !== "false";
  if (env.JOB_EXECUTOR === "inngest" && !inngestDev) {
    if (env.NODE_ENV === "production" && !env.INNGEST_SIGNING_KEY) {
      throw new ConfigurationError("Invalid configuration: INNGEST_SIGNING_KEY is required when JOB_EXECUTOR=inngest");
    }
    if (!env.INNGEST_EVENT_KEY) {
      throw new ConfigurationError(
        "Invalid configuration: INNGEST_EVENT_KEY is required when JOB_EXECUTOR=inngest (or set INNGEST_DEV=1 for the Inngest dev server)",
      );
    }
  }
  return env;
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
