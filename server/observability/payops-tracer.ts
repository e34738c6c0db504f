import { type Tracer, type TracerProvider, trace } from "@opentelemetry/api";

// On globalThis: the HTTP server (scripts/next-server.ts) and the Next.js bundles load their own
// copies of the observability modules, and all of them must reach the one provider.
const holder = globalThis as unknown as { payopsTracerProvider?: TracerProvider };

/** Keeps the process's tracer provider where every copy of this module finds it (start-tracing.ts). */
export function setPayopsTracerProvider(provider: TracerProvider | undefined): void {
  holder.payopsTracerProvider = provider;
}

/** Whether tracing was started in this process (PAYOPS_TELEMETRY is not off). */
export function tracingStarted(): boolean {
  return holder.payopsTracerProvider !== undefined;
}

/**
 * PayOps's tracer: from PayOps's own provider, which is not registered as OpenTelemetry's global
 * one unless PAYOPS_TRACE_NEXTJS=1 (start-tracing.ts says why); without tracing, the API's no-op.
 */
export function payopsTracer(): Tracer {
  return (holder.payopsTracerProvider ?? trace.getTracerProvider()).getTracer("payops");
}
