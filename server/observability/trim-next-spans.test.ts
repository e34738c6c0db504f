import { context, defaultTextMapGetter, ROOT_CONTEXT, SpanKind, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import {
  AppRouteRouteHandlersSpan,
  BaseServerSpan,
  MiddlewareSpan,
  NextNodeServerSpan,
  RouteModuleSpan,
} from "next/dist/server/lib/trace/constants";
import { getTracer } from "next/dist/server/lib/trace/tracer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withSpan } from "./tracing";
import { trimNextSpans } from "./trim-next-spans";

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(trimNextSpans(provider));
});
afterAll(() => {
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

/** A webhook POST as Next.js's own tracer wraps it, with PayOps's span inside the route handler. */
async function serveRequest(): Promise<void> {
  const next = getTracer();
  await next.trace(BaseServerSpan.handleRequest, { spanName: "POST /api/stripe/webhook", kind: SpanKind.SERVER }, () =>
    next.trace(MiddlewareSpan.execute, { spanName: "middleware POST" }, () =>
      // The route module's own request span, inside the server's.
      next.trace(BaseServerSpan.handleRequest, { spanName: "POST", kind: SpanKind.SERVER }, async () => {
        await next.trace(RouteModuleSpan.prepare, { spanName: "prepare route module" }, async () => {});
        await next.trace(
          AppRouteRouteHandlersSpan.runHandler,
          { spanName: "executing api route (app) /api/stripe/webhook" },
          () =>
            next.trace(NextNodeServerSpan.startResponse, { spanName: "start response" }, () =>
              withSpan("stripe.webhook.receive", {}, async () => {
                await withSpan("inbox.insert", {}, async () => {});
              }),
            ),
        );
      }),
    ),
  );
}

describe("Next.js's spans in a PayOps trace", () => {
  it("keep the request's, and PayOps's spans hang from it unbroken", async () => {
    await serveRequest();
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name).sort()).toEqual([
      "POST /api/stripe/webhook",
      "inbox.insert",
      "stripe.webhook.receive",
    ]);
    const byName = new Map(spans.map((span) => [span.name, span]));
    const parentOf = (name: string) => {
      const parentId = byName.get(name)?.parentSpanContext?.spanId;
      return spans.find((span) => span.spanContext().spanId === parentId)?.name;
    };
    expect(parentOf("inbox.insert")).toBe("stripe.webhook.receive");
    expect(parentOf("stripe.webhook.receive")).toBe("POST /api/stripe/webhook");
    expect(byName.get("POST /api/stripe/webhook")?.parentSpanContext).toBeUndefined();
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    // The request span keeps what it says (method, target), not Next's bookkeeping.
    const request = byName.get("POST /api/stripe/webhook")!;
    expect(request.kind).toBe(SpanKind.SERVER);
    expect(Object.keys(request.attributes).filter((key) => key.startsWith("next.span_"))).toEqual([]);
  });

  it("keep the request's span under a caller's trace context (traceparent)", async () => {
    const traceId = "0af7651916cd43dd8448eb211c80319c";
    const caller = new W3CTraceContextPropagator().extract(
      ROOT_CONTEXT,
      { traceparent: `00-${traceId}-b7ad6b7169203331-01` },
      defaultTextMapGetter,
    );
    await context.with(caller, serveRequest);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === "POST /api/stripe/webhook");
    expect(request?.parentSpanContext?.spanId).toBe("b7ad6b7169203331");
    expect(spans).toHaveLength(3);
    expect(spans.every((span) => span.spanContext().traceId === traceId)).toBe(true);
  });

  it("keep every one of them with NEXT_OTEL_VERBOSE=1", async () => {
    process.env.NEXT_OTEL_VERBOSE = "1";
    try {
      expect(trimNextSpans(provider)).toBe(provider);
    } finally {
      delete process.env.NEXT_OTEL_VERBOSE;
    }
  });
});
