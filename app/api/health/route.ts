import { db } from "@/server/db/client";
import { serverEnv } from "@/server/env";
import { answerHealth } from "@/server/observability/answer-health";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const env = serverEnv();
  return answerHealth(request, { prisma: db, mode: env.PAYOPS_DATABASE_MODE, healthToken: env.HEALTH_TOKEN });
}
