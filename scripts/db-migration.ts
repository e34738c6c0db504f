// Makes a new Prisma migration from the difference between the schema at a git revision
// (default HEAD) and the working tree, using the WebAssembly schema engine.
// Usage: npm run db:migration -- <name> [--from <git-revision>] [--files a.prisma,b.prisma]
// With --files, only those working-tree files are taken over the revision's schema, so a change
// in progress elsewhere in prisma/schema does not leak into this migration.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { MIGRATIONS_DIR } from "../server/db/migrate";
import { acquirePostgresServer } from "../server/db/postgres-server";
import { diffSchemas, type SchemaFile } from "../server/db/schema-engine";
import { readSchemaFiles, readSchemaFilesAt } from "../server/db/schema-files";

const { values, positionals } = parseArgs({
  options: { from: { type: "string", default: "HEAD" }, files: { type: "string" } },
  allowPositionals: true,
});
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <snake_case_name> [--from <git-revision>]");
  process.exit(2);
}
function overlay(base: SchemaFile[], working: SchemaFile[], names: string[]): SchemaFile[] {
  const byPath = new Map(base.map((file) => [file.path, file]));
  for (const name of names) {
    const file = working.find((candidate) => candidate.path === name);
    if (file) byPath.set(name, file);
    else byPath.delete(name);
  }
  return [...byPath.values()];
}

const server = await acquirePostgresServer({
  databaseUrl: process.env.DATABASE_URL,
  embeddedDir: ".data/tooling-postgres",
  embeddedPort: 54338,
});
try {
  const fromFiles = readSchemaFilesAt(values.from ?? "HEAD");
  const sql = await diffSchemas({
    connectionString: server.url("postgres"),
    fromFiles,
    toFiles: values.files ? overlay(fromFiles ?? [], readSchemaFiles(), values.files.split(",")) : readSchemaFiles(),
  });
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("The schema has not changed; no migration made.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await server.stop();
}
