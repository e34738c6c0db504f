import { serverEnv } from "@/server/env";
import { checkHealth } from "@/server/observability/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const env = serverEnv();
  const report = await checkHealth({ databaseUrl: env.DATABASE_URL, mode: env.PAYOPS_DATABASE_MODE });
  return Response.json(report, { status: report.database.reachable ? 200 : 503 });
}
