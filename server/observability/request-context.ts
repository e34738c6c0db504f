import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Span } from "@opentelemetry/api";
import { runInRequestSpan, startRequestSpan } from "./request-span";

/** The request's id, and its server span when tracing is on (the parent of PayOps's spans in it). */
type RequestContext = { requestId: string; span?: Span };

// On globalThis: the HTTP server (scripts/next-server.ts) and the Next.js bundles load their own
// copies of this module, and all of them must read the one store the server fills.
const holder = globalThis as unknown as { payopsRequestContext?: AsyncLocalStorage<RequestContext> };
function storage(): AsyncLocalStorage<RequestContext> {
  holder.payopsRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return holder.payopsRequestContext;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** The id of the request being served, when the code runs inside one. */
export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}

/** The server span of the request being served, when tracing is on. */
export function currentRequestSpan(): Span | undefined {
  return storage().getStore()?.span;
}

export function runWithRequestId<T>(requestId: string, fn: () => T, span?: Span): T {
  return storage().run(span ? { requestId, span } : { requestId }, fn);
}

/**
 * Gives one HTTP request its id and serves it inside that id's context, so every log line it
 * writes carries it. A proxy's X-Request-Id is kept only when `trustProxy` (TRUSTED_PROXY_HOPS > 0)
 * and it looks like an id; a client's own is replaced, so nobody can make their lines look like
 * another request's. The id goes back as the X-Request-Id response header. With tracing on, the
 * request also gets its server span (request-span.ts), kept beside the id; the active trace context
 * carries only its ids, so Next.js, which traces its own steps whenever it sees a recording span,
 * sees none.
 */
export function serveWithRequestId(
  request: IncomingMessage,
  response: ServerResponse,
  trustProxy: boolean,
  serve: () => void,
): void {
  const given = request.headers["x-request-id"];
  const requestId = trustProxy && typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  request.headers["x-request-id"] = requestId;
  response.setHeader("x-request-id", requestId);
  const span = startRequestSpan(request, response);
  span?.setAttribute("payops.request_id", requestId);
  runWithRequestId(requestId, () => runInRequestSpan(span, serve), span);
}
