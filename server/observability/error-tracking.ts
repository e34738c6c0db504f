import type { ErrorEvent } from "@sentry/core";
import { type DomainIds, domainAttributes } from "./tracing";

type Sentry = typeof import("@sentry/nextjs");

// One SDK per process, whichever module instance asks (Next.js may load this file more than once).
const holder = globalThis as unknown as { payopsSentry?: Sentry };

/**
 * Starts Sentry when a DSN is given; without one nothing of it is even loaded. Errors only:
 * PayOps's own tracer provider keeps the spans (OTLP), so Sentry sets up no OpenTelemetry of its
 * own and no automatic instrumentation, and sends only what `reportError` hands it.
 */
export async function startErrorTracking(dsn: string | undefined): Promise<boolean> {
  if (!dsn) return false;
  if (holder.payopsSentry) return true;
  const sentry = await import("@sentry/nextjs");
  sentry.init({
    dsn,
    environment: process.env.SENTRY_ENVIRONMENT || process.env.NODE_ENV,
    enableOpenTelemetrySetup: false,
    enableRuntimeChannelInjection: false,
    defaultIntegrations: false,
    beforeSend: withoutRequestSecrets,
  });
  holder.payopsSentry = sentry;
  return true;
}

export type ReportedError = {
  route: string;
  routeType: string;
  method: string;
  path: string;
  traceId?: string;
  ids: DomainIds;
};

/** Sends a server error to Sentry with its route, trace id and domain ids; nothing when Sentry is off. */
export function reportError(error: unknown, report: ReportedError): void {
  const sentry = holder.payopsSentry;
  if (!sentry) return;
  sentry.captureException(error, {
    tags: {
      "http.route": report.route,
      "http.request.method": report.method,
      "next.route_type": report.routeType,
      ...(report.traceId ? { trace_id: report.traceId } : {}),
      ...domainAttributes(report.ids),
    },
    extra: { path: report.path },
  });
}

/** Waits until what was reported has been sent (a test; a shutdown). */
export async function flushErrorTracking(timeoutMs = 2_000): Promise<boolean> {
  return (await holder.payopsSentry?.flush(timeoutMs)) ?? true;
}

/** Cookies, credentials and signatures never leave: an event keeps the request's method and URL only. */
export function withoutRequestSecrets(event: ErrorEvent): ErrorEvent {
  if (event.request) event.request = { method: event.request.method, url: event.request.url?.split("?")[0] };
  if (event.user) event.user = event.user.id ? { id: event.user.id } : undefined;
  return event;
}
