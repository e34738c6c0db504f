import type { IncomingMessage, ServerResponse } from "node:http";
import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { pathTemplate, STRIPE_ID } from "./path-template";
import { payopsTracer, tracingStarted } from "./payops-tracer";

/** Path segments that are ids besides Stripe's: UUIDs, numbers, public tokens. */
const ID_SEGMENT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Za-z0-9_-]{24,})$/i;

/** `/dashboard/orders/<uuid>` as `/dashboard/orders/:id`: a span name that groups, never one per order. */
export function routeLabel(path: string): string {
  return pathTemplate(path, (segment) => ID_SEGMENT.test(segment) || STRIPE_ID.test(segment));
}

/** Next.js's own static files: a span each would be noise, not a request anyone traces. */
const UNTRACED = /^\/(_next\/(static|image)|favicon\.ico)/;

/**
 * The server span of one HTTP request, opened by PayOps's HTTP server before Next.js sees the
 * request and ended when the answer is sent, with method, route, path and status (an error status
 * from 500 up). A caller's `traceparent` makes it a child of the caller's trace. Undefined without
 * tracing, and for Next.js's static files.
 */
export function startRequestSpan(request: IncomingMessage, response: ServerResponse): Span | undefined {
  const path = request.url ?? "/";
  if (!tracingStarted() || UNTRACED.test(path)) return undefined;
  const method = request.method ?? "GET";
  const route = routeLabel(path);
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const span = payopsTracer().startSpan(
    `${method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { "http.request.method": method, "http.route": route, "url.path": path.split("?")[0] ?? path },
    },
    parent,
  );
  const end = () => {
    span.setAttribute("http.response.status_code", response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  response.once("finish", end);
  // A client that goes away before the answer: the span ends with what was known.
  response.once("close", () => {
    if (!response.writableFinished) end();
  });
  return span;
}

/**
 * Runs the request's handling with the request span's ids as the active trace context, so what
 * starts a span from the active context (Prisma's queries, PayOps's spans, Stripe calls) becomes
 * its child. The span itself stays out of the context: the active one is a non-recording stand-in
 * with the same ids, so Next.js, which traces its own steps whenever the active span records or a
 * global provider is registered, adds none (start-tracing.ts says what they cost).
 */
export function runInRequestSpan<T>(span: Span | undefined, fn: () => T): T {
  if (!span) return fn();
  return context.with(trace.setSpan(context.active(), trace.wrapSpanContext(span.spanContext())), fn);
}
