import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { enablePrismaTracing } from "./enable-prisma-tracing";
import { trimNextSpans } from "./trim-next-spans";

const holder = globalThis as unknown as { payopsTracerProvider?: BasicTracerProvider };

/**
 * Registers the process's tracer provider once: W3C trace context, async-local context, Prisma's
 * own spans for queries. Spans always exist (trace ids reach logs and the order
 * timeline); they leave the process only over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
 * (OTLP/HTTP; the exporter reads the standard OTEL_EXPORTER_OTLP_* variables), or to the span
 * processors a test passes.
 */
export function startTracing(
  options: { spanProcessors?: SpanProcessor[]; otlpEndpoint?: string } = {},
): BasicTracerProvider {
  if (holder.payopsTracerProvider) return holder.payopsTracerProvider;
  const spanProcessors = [...(options.spanProcessors ?? [])];
  if (options.otlpEndpoint) spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME || "payops" }),
    spanProcessors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  // Next.js opens its spans through the global provider: it keeps the request and route handler ones.
  trace.setGlobalTracerProvider(trimNextSpans(provider));
  enablePrismaTracing(provider);
  holder.payopsTracerProvider = provider;
  return provider;
}
