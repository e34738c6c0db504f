import type { AccountingDeps } from "./accounting-deps";
import { type SyncSummary, syncConnection } from "./sync-connection";

/** Syncs every active connection (or the one named), one after another; a failure of one does not stop the others. */
export async function syncAllConnections(
  deps: AccountingDeps,
  options: { connectionId?: string; dryRun?: boolean } = {},
): Promise<SyncSummary[]> {
  const connections = await deps.prisma.accountingConnection.findMany({
    where: options.connectionId ? { id: options.connectionId } : { status: "active" },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const summaries: SyncSummary[] = [];
  for (const { id } of connections) {
    try {
      summaries.push(await syncConnection(deps, id, { dryRun: options.dryRun }));
    } catch (error) {
      const stopped = error instanceof Error ? error.message : String(error);
      await deps.prisma.accountingConnection.update({
        where: { id },
        data: { lastSyncAt: new Date(), lastSyncError: stopped },
      });
      summaries.push({ connectionId: id, created: 0, sent: 0, skippedAlreadySent: 0, failed: 0, stopped });
    }
  }
  return summaries;
}
