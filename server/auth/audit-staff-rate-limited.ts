import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";

/** A staff account hit a rate limit: recorded once per window (the limiter says which call is first). */
export async function auditStaffRateLimited(
  prisma: PrismaClient,
  staffUserId: string,
  limit: string,
  clientIp?: string,
): Promise<void> {
  await recordAudit(prisma, {
    actor: { kind: "staff", staffUserId },
    action: "staff.rate_limited",
    subject: { type: "staff_user", id: staffUserId },
    after: clientIp ? { limit, clientIp } : { limit },
  });
}
