import { SpanStatusCode } from "@opentelemetry/api";
import { reportError } from "./error-tracking";
import { logger } from "./logger";
import { currentSpan, type DomainIds, domainAttributes } from "./tracing";

/** What Next.js's onRequestError hook passes about the request and the route that failed. */
export type FailedRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
export type FailedRoute = { routerKind: string; routePath: string; routeType: string };

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const PATH_IDS: [RegExp, keyof DomainIds][] = [
  [new RegExp(`/orders/(${UUID})`, "i"), "orderId"],
  [new RegExp(`/refunds/(${UUID})`, "i"), "refundId"],
];

/** The domain ids a failed request's path names (the back office's order and refund pages). */
export function domainIdsFromPath(path: string): DomainIds {
  const ids: DomainIds = {};
  for (const [pattern, key] of PATH_IDS) {
    const match = pattern.exec(path);
    if (match) ids[key] = match[1];
  }
  return ids;
}

/**
 * Records a server error Next.js caught (a route handler, page or server action that threw): an
 * exception event on the request's span, one error line with route, trace id and domain ids, and
 * the same to Sentry when SENTRY_DSN is set.
 */
export function recordRequestError(error: unknown, request: FailedRequest, route: FailedRoute): void {
  const path = request.path.split("?")[0] ?? request.path;
  const ids = domainIdsFromPath(path);
  const span = currentSpan();
  const attributes = {
    "http.request.method": request.method,
    "http.route": route.routePath,
    "next.route_type": route.routeType,
    ...domainAttributes(ids),
  };
  span?.recordException(error instanceof Error ? error : String(error));
  span?.addEvent("request.error", attributes);
  span?.setStatus({ code: SpanStatusCode.ERROR });
  const digest = (error as { digest?: unknown } | null)?.digest;
  logger.error(
    { err: error, method: request.method, path, route: route.routePath, routeType: route.routeType, digest, ...ids },
    "request failed",
  );
  reportError(error, {
    route: route.routePath,
    routeType: route.routeType,
    method: request.method,
    path,
    traceId: span?.spanContext().traceId,
    ids,
  });
}
