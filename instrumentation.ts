// Runs once when the Next.js server starts: the door that picks the job executor and hands `emit` its sink.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfigAtStart } = await import("./server/observability/validate-config-at-start");
    validateConfigAtStart();
    // Before anything else loads: the tracer provider must exist when the first request arrives.
    if (process.env.PAYOPS_TELEMETRY !== "off") {
      const { startTracing } = await import("./server/observability/start-tracing");
      startTracing({ otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined });
    }
    // Optional: without SENTRY_DSN the Sentry SDK is never loaded.
    if (process.env.SENTRY_DSN) {
      await (await import("./server/observability/error-tracking")).startErrorTracking(process.env.SENTRY_DSN);
    }
    if ((process.env.JOB_EXECUTOR ?? "local") === "local") {
      const { JOB_REGISTRY } = await import("./inngest/job-registry");
      (await import("./server/webhooks/start-event-processing")).startLocalEventProcessing(JOB_REGISTRY);
    } else {
      const { inngestEventSink } = await import("./inngest/event-sink");
      (await import("./server/jobs/emit")).setJobEventSink(inngestEventSink);
    }
  }
}

/** Every server error Next.js catches: an exception on the request's span and an error log line. */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind: string; routePath: string; routeType: string },
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { recordRequestError } = await import("./server/observability/record-request-error");
  recordRequestError(error, request, context);
}
