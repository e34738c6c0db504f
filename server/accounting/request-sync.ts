import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { emit } from "../jobs/emit";
import { retryJournals } from "./retry-journals";

/**
 * Starts a sync of one connection now, in the background (the same job as the hourly one, so two
 * never run at once); its journals appear on the connection's page as they are sent.
 */
export async function requestSync(
  prisma: PrismaClient,
  connectionId: string,
  actorId?: string,
): Promise<{ requested: true }> {
  const connection = await prisma.accountingConnection.findUnique({ where: { id: connectionId } });
  if (!connection) throw new AppError("NOT_FOUND", "No such accounting connection");
  if (connection.status !== "active")
    throw new AppError("CONFLICT", "This connection was disconnected by the accounting system; connect it again first");
  if (actorId)
    await recordAudit(prisma, {
      actor: { kind: "staff", staffUserId: actorId },
      action: "accounting.sync_started",
      subject: { type: "accounting_connection", id: connectionId },
    });
  await emit("accounting/sync.requested", { connectionId });
  return { requested: true };
}

/** Sends failed journals again (one, or all of the connection's), through a sync started now. */
export async function resendFailedJournals(
  prisma: PrismaClient,
  target: { connectionId: string; journalId?: string },
  actorId: string,
): Promise<{ retried: number }> {
  const retried = await retryJournals(prisma, target, (tx, journalIds) =>
    recordAudit(tx, {
      actor: { kind: "staff", staffUserId: actorId },
      action: "accounting.journals_retried",
      subject: { type: "accounting_connection", id: target.connectionId },
      after: { journalIds },
    }),
  );
  if (retried === 0)
    throw new AppError("CONFLICT", target.journalId ? "This journal has not failed" : "No journal has failed");
  await requestSync(prisma, target.connectionId);
  return { retried };
}
