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
 * The Next.js spans a trace keeps: the request (named by method and route, with its status; only
 * the outermost, as the route module opens a second inside it), the route handler or page render it
 * ran, and Next's own fetches. Next opens up to a dozen more per request (proxy, route module
 * loading, page component lookup, start of the response), each as dear as a span of ours and none
 * with a fact of PayOps's in it.
 */
export const KEPT_NEXT_SPAN_TYPES: ReadonlySet<string> = new Set([
  "BaseServer.handleRequest",
  "AppRouteRouteHandlers.runHandler",
  "AppRender.getBodyResult",
  "Render.renderDocument",
  "AppRender.fetch",
]);

function kept(options: SpanOptions | undefined, parent: Context): boolean {
  const type = options?.attributes?.["next.span_type"];
  if (typeof type !== "string" || !KEPT_NEXT_SPAN_TYPES.has(type)) return false;
  if (type !== "BaseServer.handleRequest") return true;
  // The route module opens a second request span inside the server's: only the outer one is the request's.
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
    return kept(options, parent) ? this.inner.startSpan(name, options, parent) : enclosing(parent);
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
    if (kept(options, parent ?? context.active())) {
      return this.inner.startActiveSpan(name, options ?? {}, parent ?? context.active(), fn);
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
