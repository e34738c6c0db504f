import type { PrismaClient } from "../db/client";

export type ConnectionRow = Awaited<ReturnType<typeof listConnections>>[number];

/** Every connection with its status, last sync and how many of its journals are in each state. */
export async function listConnections(prisma: PrismaClient) {
  const [connections, counts] = await Promise.all([
    prisma.accountingConnection.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        vendor: true,
        mode: true,
        status: true,
        organisationId: true,
        startDate: true,
        lastSyncAt: true,
        lastSyncError: true,
        createdAt: true,
      },
    }),
    prisma.accountingJournal.groupBy({ by: ["connectionId", "status"], _count: { _all: true } }),
  ]);
  return connections.map((connection) => {
    const count = (status: string) =>
      counts.find((c) => c.connectionId === connection.id && c.status === status)?._count._all ?? 0;
    return { ...connection, sent: count("sent"), failed: count("failed"), pending: count("pending") };
  });
}

/** One connection as its page heads it. */
export async function getConnection(prisma: PrismaClient, connectionId: string) {
  const [connection] = (await listConnections(prisma)).filter((c) => c.id === connectionId);
  return connection ?? null;
}
