import {
  type Context,
  context,
  INVALID_SPAN_CONTEXT,
  type Span,
  type SpanOptions,
  type Tracer,
  type TracerProvider,
  trace,
} from "@opentelemetry/api";

/**
 * The Next.js spans a trace keeps: the request (named by method and route, with its status; Next
 * opens one for the proxy's pass and one for the route's, the second a child of the first), a
 * page's render, and Next's own fetches. Next opens up to a dozen more per request (proxy, route
 * module loading, page component lookup, the route handler, start of the response), each as dear as
 * a span of ours and none with a fact the request span lacks. A route handler's work shows in the
 * request span named by its route, and in PayOps's own spans under it.
 */
export const KEPT_NEXT_SPAN_TYPES: ReadonlySet<string> = new Set([
  "BaseServer.handleRequest",
  "AppRender.getBodyResult",
  "Render.renderDocument",
  "AppRender.fetch",
]);

// Next's bookkeeping on every span it opens, which the span's name already says.
const BOOKKEEPING_ATTRIBUTES = ["next.span_name", "next.span_type", "next.span_category"];

function withoutBookkeeping(options: SpanOptions): SpanOptions {
  const attributes = { ...options.attributes };
  for (const name of BOOKKEEPING_ATTRIBUTES) delete attributes[name];
  return { ...options, attributes };
}

function kept(options: SpanOptions | undefined, parent: Context): boolean {
  const type = options?.attributes?.["next.span_type"];
  if (typeof type !== "string" || !KEPT_NEXT_SPAN_TYPES.has(type)) return false;
  if (type !== "BaseServer.handleRequest") return true;
  // The route module opens a request span of its own inside the server's when run without the
  // proxy's pass: only the outer one is the request's. (The pass after the proxy's joins it remotely.)
  const enclosingSpan = trace.getSpanContext(parent);
  return !enclosingSpan || enclosingSpan.isRemote === true;
}

/**
 * What Next.js gets instead of a span it would open and close around its own steps: the enclosing
 * span's context, not recording. Its children (PayOps's spans) join that enclosing span, so the trace
 * stays connected; ending it or setting attributes on it does nothing.
 */
function enclosing(parent: Context): Span {
  return trace.wrapSpanContext(trace.getSpanContext(parent) ?? INVALID_SPAN_CONTEXT);
}

class TrimmedNextTracer implements Tracer {
  constructor(private readonly inner: Tracer) {}

  startSpan(name: string, options?: SpanOptions, parent: Context = context.active()): Span {
    return options && kept(options, parent)
      ? this.inner.startSpan(name, withoutBookkeeping(options), parent)
      : enclosing(parent);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, options: SpanOptions, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    parent: Context,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: unknown[]): ReturnType<F> {
    const fn = rest.pop() as F;
    const [options, parent] = rest as [SpanOptions | undefined, Context | undefined];
    if (options && kept(options, parent ?? context.active())) {
      return this.inner.startActiveSpan(name, withoutBookkeeping(options), parent ?? context.active(), fn);
    }
    // The active context already holds the enclosing span: no new context for a span that is not there.
    if (!parent || parent === context.active()) return fn(enclosing(context.active())) as ReturnType<F>;
    return context.with(parent, () => fn(enclosing(parent))) as ReturnType<F>;
  }
}

/**
 * The process's tracer provider as Next.js and everything else see it: Next.js's tracer keeps only
 * the spans above (NEXT_OTEL_VERBOSE=1 keeps every one, as Next.js itself would then open them);
 * every other tracer is the provider's own.
 */
export function trimNextSpans(provider: TracerProvider): TracerProvider {
  if (process.env.NEXT_OTEL_VERBOSE === "1") return provider;
  // Next.js asks for its tracer at every span it opens: one wrapper per tracer, not per call.
  const trimmed = new Map<string, Tracer>();
  return {
    getTracer(name, version, options) {
      if (name !== "next.js") return provider.getTracer(name, version, options);
      const key = `${version ?? ""}:${options?.schemaUrl ?? ""}`;
      let tracer = trimmed.get(key);
      if (!tracer) {
        tracer = new TrimmedNextTracer(provider.getTracer(name, version, options));
        trimmed.set(key, tracer);
      }
      return tracer;
    },
  };
}
