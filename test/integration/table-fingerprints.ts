import type { PrismaClient } from "../../server/db/client";

const queries = new WeakMap<PrismaClient, Promise<string>>();

async function fingerprintQuery(prisma: PrismaClient): Promise<string> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  return tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS checksum FROM "${name}" t`,
    )
    .join(" UNION ALL ");
}

/**
 * Each public table's row count and a checksum of its rows, in one statement, to show that a
 * refused call wrote nothing anywhere: compare the fingerprints taken before and after.
 */
export async function tableFingerprints(prisma: PrismaClient): Promise<Record<string, string>> {
  if (!queries.has(prisma)) queries.set(prisma, fingerprintQuery(prisma));
  const rows = await prisma.$queryRawUnsafe<{ name: string; rows: number; checksum: string }[]>(
    await queries.get(prisma)!,
  );
  return Object.fromEntries(rows.map((row) => [row.name, `${row.rows}:${row.checksum}`]));
}
