import { db } from "@/server/db/client";
import { serverEnv } from "@/server/env";
import { serveMetrics } from "@/server/observability/serve-metrics";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return serveMetrics(request, { token: serverEnv().METRICS_TOKEN, prisma: db });
}
