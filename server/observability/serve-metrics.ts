import { timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "../db/client";
import { metrics } from "./metrics";
import { refreshBacklogGauges } from "./refresh-backlog-gauges";

function tokenMatches(header: string | null, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? "");
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The Prometheus scrape endpoint: the text exposition format, only for a bearer token equal to
 * METRICS_TOKEN. Without a configured token the endpoint is off (404), so metrics never leak by default.
 */
export async function serveMetrics(
  request: Request,
  deps: { token: string | undefined; prisma: () => PrismaClient; now?: () => number },
): Promise<Response> {
  if (!deps.token) return Response.json({ error: "metrics are off: set METRICS_TOKEN" }, { status: 404 });
  if (!tokenMatches(request.headers.get("authorization"), deps.token)) {
    return Response.json(
      { error: "a bearer token is required" },
      { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } },
    );
  }
  await refreshBacklogGauges(deps.prisma(), deps.now?.());
  const { registry } = metrics();
  return new Response(await registry.metrics(), { status: 200, headers: { "content-type": registry.contentType } });
}
