import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { enablePrismaTracing } from "./enable-prisma-tracing";
import { setPayopsTracerProvider } from "./payops-tracer";
import { trimNextSpans } from "./trim-next-spans";

const holder = globalThis as unknown as { payopsTracingStarted?: BasicTracerProvider };

/**
 * Starts the process's tracing once: W3C trace context, async-local context, PayOps's tracer
 * provider, Prisma's own spans for queries. Spans always exist (trace ids reach logs and the order
 * timeline); they leave the process only over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
 * (OTLP/HTTP; the exporter reads the standard OTEL_EXPORTER_OTLP_* variables), or to the span
 * processors a test passes.
 *
 * The provider is PayOps's own (payops-tracer.ts), not OpenTelemetry's global one. Next.js traces
 * its own steps (some twenty per request) whenever a global provider is registered, each with a
 * context switch and a span even where the span is then dropped, and that alone cost more than all
 * of PayOps's metrics and spans together: 3.76–3.86 ms of CPU per webhook event against 3.11–3.12
 * ms with telemetry off, and 3.15–3.20 ms with the provider kept to PayOps. Each request's server
 * span comes from PayOps's HTTP server instead (request-span.ts). PAYOPS_TRACE_NEXTJS=1 registers
 * the provider globally as well, for Next.js's request, render and fetch spans (trim-next-spans.ts).
 */
export function startTracing(
  options: { spanProcessors?: SpanProcessor[]; otlpEndpoint?: string } = {},
): BasicTracerProvider {
  if (holder.payopsTracingStarted) return holder.payopsTracingStarted;
  const spanProcessors = [...(options.spanProcessors ?? [])];
  if (options.otlpEndpoint) spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME || "payops" }),
    spanProcessors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  // Next.js opens its spans through the global provider: only when asked for, trimmed to the useful ones.
  if (process.env.PAYOPS_TRACE_NEXTJS === "1") trace.setGlobalTracerProvider(trimNextSpans(provider));
  setPayopsTracerProvider(provider);
  enablePrismaTracing(provider);
  holder.payopsTracingStarted = provider;
  return provider;
}
