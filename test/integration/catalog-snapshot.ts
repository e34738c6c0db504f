import pg from "pg";

/**
 * What Prisma's schema describes, read from PostgreSQL's catalog: columns, indexes, foreign
 * keys and enums of the public schema. Checks and triggers that migrations add by hand (and
 * Prisma cannot express) are deliberately left out.
 */
export async function catalogSnapshot(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const queries = [
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
              || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-') AS line
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      `SELECT 'index ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      `SELECT 'fk ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid) AS line
         FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
      `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    ];
    const lines: string[] = [];
    for (const sql of queries) lines.push(...(await client.query<{ line: string }>(sql)).rows.map((row) => row.line));
    return lines.sort();
  } finally {
    await client.end();
  }
}
