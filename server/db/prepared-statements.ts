import { createHash } from "node:crypto";

/**
 * Hot statements are kept parsed and planned on each pooled connection. A statement opts in by
 * starting with `/* prepared: <name> *\/`; everything else stays an unnamed statement, so the
 * number of statements a connection keeps is bounded by the code, not by the queries it serves.
 */
const PREPARED_MARKER = /^\s*\/\* prepared: ([a-z][a-z0-9_]*) \*\//;

/** The SQL comment that marks a statement for preparation under `name`. */
export function preparedMarker(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Invalid prepared statement name: ${name}`);
  return `/* prepared: ${name} */`;
}

const names = new Map<string, string>();

/**
 * The statement name node-postgres caches a query under, or "" (an unnamed statement) for queries
 * without the marker. The name carries a digest of the text, so two texts never share a name.
 */
export function preparedStatementName(query: { sql: string }): string {
  const marker = PREPARED_MARKER.exec(query.sql);
  if (!marker) return "";
  let name = names.get(query.sql);
  if (!name) {
    name = `${marker[1]}_${createHash("sha256").update(query.sql).digest("hex").slice(0, 12)}`;
    names.set(query.sql, name);
  }
  return name;
}
