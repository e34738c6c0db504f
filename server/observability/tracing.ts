import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { payopsTracer } from "./payops-tracer";
import { currentRequestSpan } from "./request-context";

/** Span attribute names for PayOps's own ids, so a trace can be found by order, event or refund. */
export const DOMAIN_ATTRIBUTES = {
  orderId: "payops.order_id",
  paymentIntentId: "payops.payment_intent_id",
  stripeEventId: "payops.stripe_event_id",
  refundId: "payops.refund_id",
  jobId: "payops.job_id",
} as const;

export type DomainIds = Partial<Record<keyof typeof DOMAIN_ATTRIBUTES, string | null | undefined>>;

export function domainAttributes(ids: DomainIds): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(ids)) {
    if (value) attributes[DOMAIN_ATTRIBUTES[key as keyof DomainIds]] = value;
  }
  return attributes;
}

/**
 * The span PayOps's work joins: the active one when it records (a span of ours, a job's), else the
 * server span of the request being served (whose ids the active context carries, not the span).
 */
export function currentSpan(): Span | undefined {
  const active = trace.getActiveSpan();
  return active?.isRecording() ? active : (currentRequestSpan() ?? active);
}

/** The context a new span starts from: the active one, or the request's when no span is active. */
export function parentContext(): Context {
  const active = context.active();
  if (trace.getSpan(active)) return active;
  const requestSpan = currentRequestSpan();
  return requestSpan ? trace.setSpan(active, requestSpan) : active;
}

/**
 * Runs `fn` in a new active span: children (Prisma queries, Stripe calls) nest under it, an error
 * is recorded on it and rethrown. Without a registered tracer provider this costs next to nothing.
 */
export function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  return payopsTracer().startActiveSpan(name, { attributes }, parentContext(), async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds domain ids to the active span (the request's or the job's), when there is one. */
export function tagActiveSpan(ids: DomainIds): void {
  currentSpan()?.setAttributes(domainAttributes(ids));
}

/** The active trace context as W3C headers (`traceparent`), to carry inside a job event. */
export function currentTraceCarrier(): Record<string, string> | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(parentContext(), carrier);
  return carrier.traceparent ? carrier : undefined;
}

/**
 * Runs `fn` in the trace context a job event carried (and only that: not whatever context happened
 * to be active where the executor picked the job up), so its spans join the emitting request's trace.
 */
export function withCarriedContext<T>(carrier: Record<string, string> | undefined, fn: () => T): T {
  return context.with(propagation.extract(ROOT_CONTEXT, carrier ?? {}), fn);
}

/**
 * `fn` bound to the trace context active now, for an engine that calls it later from its own loop
 * (Inngest's step.run), where the context would otherwise be lost.
 */
export function bindActiveContext<T>(fn: () => T): () => T {
  return context.bind(parentContext(), fn);
}

/** The active span's ids, for log lines and the order timeline. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const spanContext = currentSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}
