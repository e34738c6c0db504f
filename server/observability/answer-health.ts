import { timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "../db/client";
import { checkHealth, type HealthReport } from "./check-health";
import { logger } from "./logger";

/** How long one check's answer is shared: a burst of probes costs one pair of queries a second. */
export const HEALTH_CACHE_MS = 1_000;

export type HealthDeps = {
  prisma: () => PrismaClient;
  mode: "embedded" | "external";
  /** HEALTH_TOKEN: with it (`Authorization: Bearer …`) the answer is the detailed readiness report. */
  healthToken: string | undefined;
  now?: () => number;
};

let cached: { at: number; report: Promise<HealthReport> } | undefined;

function currentReport(deps: HealthDeps): Promise<HealthReport> {
  const now = (deps.now ?? Date.now)();
  if (!cached || now - cached.at >= HEALTH_CACHE_MS) {
    const report = checkHealth(deps.prisma, { mode: deps.mode });
    cached = { at: now, report };
    void report.then((result) => {
      if (!result.database.reachable) logger.error({ health: result }, "health check: database unreachable");
    });
  }
  return cached.report;
}

function holdsToken(request: Request, token: string | undefined): boolean {
  const given = request.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1];
  if (!token || !given) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /api/health`: anyone gets `{ status }` (200 ok, 503 degraded) and nothing else, no error
 * text; a caller with HEALTH_TOKEN gets the whole report (latency, migrations, the error).
 */
export async function answerHealth(request: Request, deps: HealthDeps): Promise<Response> {
  const report = await currentReport(deps);
  const status = report.database.reachable ? 200 : 503;
  const headers = { "cache-control": "no-store" };
  if (holdsToken(request, deps.healthToken)) return Response.json(report, { status, headers });
  return Response.json({ status: report.status }, { status, headers });
}

/** Tests only: forget the shared answer. */
export function forgetCachedHealth(): void {
  cached = undefined;
}
