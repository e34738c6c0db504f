import type { PrismaClient } from "../../server/db/client";

/**
 * Each public table's row count and a checksum of its rows, to show that a refused call wrote
 * nothing anywhere: compare the fingerprints taken before and after.
 */
export async function tableFingerprints(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  const fingerprints: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ rows: number; checksum: string | null }[]>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, ',' ORDER BY t::text)) AS checksum FROM "${name}" t`,
    );
    fingerprints[name] = `${row?.rows ?? 0}:${row?.checksum ?? "-"}`;
  }
  return fingerprints;
}
