import { Counter, Gauge, Histogram, Registry } from "prom-client";

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];

function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    webhookAckSeconds: new Histogram({
      name: "payops_webhook_ack_duration_seconds",
      help: "Time from a Stripe webhook request's arrival to PayOps's answer, by HTTP status",
      labelNames: ["status"],
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    webhookEventsReceived: new Counter({
      name: "payops_webhook_events_received_total",
      help: "Signed Stripe events stored or found already stored, by type (redeliveries count again)",
      labelNames: ["type"],
      registers,
    }),
    webhookRejected: new Counter({
      name: "payops_webhook_rejected_total",
      help: "Webhook deliveries refused before storing, by reason (signature, malformed, too_large, unconfigured, store_failed)",
      labelNames: ["reason"],
      registers,
    }),
    eventsProcessed: new Counter({
      name: "payops_stripe_events_processed_total",
      help: "Stripe events processed, by type and outcome (applied, stale, ignored)",
      labelNames: ["type", "outcome"],
      registers,
    }),
    eventsFailed: new Counter({
      name: "payops_stripe_events_failed_total",
      help: "Attempts to process a Stripe event that failed (the job retries), by type",
      labelNames: ["type"],
      registers,
    }),
    eventsDead: new Counter({
      name: "payops_stripe_events_dead_total",
      help: "Stripe events parked as dead letters after too many failed attempts, by type",
      labelNames: ["type"],
      registers,
    }),
    processingLagSeconds: new Histogram({
      name: "payops_stripe_event_processing_lag_seconds",
      help: "Time from storing a Stripe event in the inbox to its processing, by type",
      labelNames: ["type"],
      buckets: LAG_BUCKETS,
      registers,
    }),
    jobAttempts: new Counter({
      name: "payops_job_attempts_total",
      help: "Background job attempts, by job and status (succeeded, failed: will retry, exhausted: gave up)",
      labelNames: ["job", "status"],
      registers,
    }),
    stripeApiRequests: new Counter({
      name: "payops_stripe_api_requests_total",
      help: "HTTP requests to the Stripe API (each retry counts), by method, endpoint and outcome",
      labelNames: ["method", "endpoint", "outcome"],
      registers,
    }),
    stripeApiSeconds: new Histogram({
      name: "payops_stripe_api_request_duration_seconds",
      help: "Latency of HTTP requests to the Stripe API, by method and endpoint",
      labelNames: ["method", "endpoint"],
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    checkoutAttempts: new Counter({
      name: "payops_checkout_attempts_total",
      help: "Checkouts that created an order and a PaymentIntent, by currency",
      labelNames: ["currency"],
      registers,
    }),
    checkoutResults: new Counter({
      name: "payops_checkout_payment_results_total",
      help: "Payment attempts settled by Stripe, by currency, result (authorised, declined) and decline code",
      labelNames: ["currency", "result", "decline_code"],
      registers,
    }),
    refundsIssued: new Counter({
      name: "payops_refunds_total",
      help: "Refunds sent to Stripe, by outcome (succeeded, pending, refused, error: will retry)",
      labelNames: ["outcome"],
      registers,
    }),
    inboxDepth: new Gauge({
      name: "payops_webhook_inbox_depth",
      help: "Stored Stripe events not processed yet (read from the database, counted up to 100000)",
      registers,
    }),
    inboxOldestAgeSeconds: new Gauge({
      name: "payops_webhook_inbox_oldest_unprocessed_age_seconds",
      help: "Age of the oldest unprocessed Stripe event in the inbox (0 when none waits)",
      registers,
    }),
    disputesOpen: new Gauge({
      name: "payops_disputes_open",
      help: "Disputes that need a response or are under review",
      registers,
    }),
    disputeEvidenceDeadlineSeconds: new Gauge({
      name: "payops_dispute_evidence_deadline_seconds",
      help: "Seconds until the nearest evidence deadline of a dispute still without submitted evidence (+Inf when none)",
      registers,
    }),
    outboxPending: new Gauge({
      name: "payops_outbox_pending",
      help: "Outside effects (Stripe calls) written to the outbox and not done yet",
      registers,
    }),
    deadLetters: new Gauge({
      name: "payops_dead_letters_open",
      help: "Work parked after too many failures, waiting for a person, by kind (stripe_event, outbox_effect)",
      labelNames: ["kind"],
      registers,
    }),
    dbPoolConnections: new Gauge({
      name: "payops_db_pool_connections",
      help: "Database connections of each pool, by state (in_use, idle)",
      labelNames: ["pool", "state"],
      registers,
    }),
    dbPoolWaiting: new Gauge({
      name: "payops_db_pool_waiting_requests",
      help: "Queries waiting for a free connection, by pool",
      labelNames: ["pool"],
      registers,
    }),
    scrapeErrors: new Counter({
      name: "payops_metrics_backlog_read_errors_total",
      help: "Scrapes whose database-backed gauges could not be refreshed (the previous values are served)",
      registers,
    }),
  };
}

export type PayopsMetrics = ReturnType<typeof createMetrics>;

// On globalThis: Next.js may load this module once for instrumentation and again per route bundle,
// and every copy must count into the same registry.
const holder = globalThis as unknown as { payopsMetrics?: PayopsMetrics };

// Every metric method (inc, observe, set, reset) does nothing: PAYOPS_TELEMETRY=off, for measuring what telemetry costs.
const noOpMetric = new Proxy({}, { get: () => () => {} });

/** The process's metrics (counters and histograms live in memory; backlog gauges are read at scrape). */
export function metrics(): PayopsMetrics {
  if (!holder.payopsMetrics) {
    const created = createMetrics();
    holder.payopsMetrics = telemetryOff()
      ? (Object.fromEntries(
          Object.entries(created).map(([key, value]) => [key, key === "registry" ? value : noOpMetric]),
        ) as PayopsMetrics)
      : created;
  }
  return holder.payopsMetrics;
}

/** PAYOPS_TELEMETRY=off turns metrics and tracing off (the webhook benchmark's comparison run). */
export function telemetryOff(): boolean {
  return process.env.PAYOPS_TELEMETRY === "off";
}
