import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./migrate";

const MERGE = "20261201160419_payment_three_d_secure_one_column";

const databases: TestDatabase[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** The migrations folder as it stood before `name`: the database a running PayOps had then. */
function migrationsBefore(name: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "payops-migrations-"));
  folders.push(folder);
  for (const migration of readMigrations().filter((candidate) => candidate.name < name)) {
    cpSync(path.join(MIGRATIONS_DIR, migration.name), path.join(folder, migration.name), { recursive: true });
  }
  cpSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(folder, "migration_lock.toml"));
  return folder;
}

describe("the migration to one 3-D Secure column", () => {
  it("keeps what either column knew, the charge's own result first", async () => {
    const database = await createTestDatabase({ migrate: false });
    databases.push(database);
    await applyMigrations(database.url, migrationsBefore(MERGE));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`
        INSERT INTO customers (id, email, name) VALUES ('00000000-0000-4000-8000-000000000001', 'a@example.com', 'A');
        INSERT INTO orders (id, public_token, customer_id, status, currency, subtotal_minor, total_minor,
                            shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, updated_at)
        VALUES ('00000000-0000-4000-8000-000000000002', 'tok', '00000000-0000-4000-8000-000000000001', 'paid', 'USD',
                1000, 1000, 'A', '1 Street', 'City', '12345', 'US', now());`);
      const payments: [intent: string, outcome: string | null, result: string | null][] = [
        ["pi_not_asked", null, null],
        ["pi_waiting", "challenged", null],
        ["pi_inferred", "authenticated", null],
        ["pi_passed", "authenticated", "authenticated"],
        ["pi_attempted", "authenticated", "attempt_acknowledged"],
        ["pi_exempted", null, "exempted"],
        ["pi_failed", "failed", "failed"],
      ];
      for (const [intent, outcome, result] of payments) {
        await client.query(
          `INSERT INTO payments (id, order_id, stripe_payment_intent_id, status, currency, amount_minor,
                                 three_d_secure, three_d_secure_result, updated_at)
           VALUES (gen_random_uuid(), '00000000-0000-4000-8000-000000000002', $1, 'succeeded', 'USD', 1000, $2, $3, now())`,
          [intent, outcome, result],
        );
      }

      expect(await applyMigrations(database.url)).toContain(MERGE);

      const rows = await client.query<{ stripe_payment_intent_id: string; three_d_secure: string | null }>(
        "SELECT stripe_payment_intent_id, three_d_secure FROM payments ORDER BY stripe_payment_intent_id",
      );
      expect(Object.fromEntries(rows.rows.map((row) => [row.stripe_payment_intent_id, row.three_d_secure]))).toEqual({
        pi_attempted: "attempt_acknowledged",
        pi_exempted: "exempted",
        pi_failed: "failed",
        pi_inferred: "authenticated",
        pi_not_asked: null,
        pi_passed: "authenticated",
        pi_waiting: "challenged",
      });
      const columns = await client.query(
        "SELECT 1 FROM information_schema.columns WHERE table_name = 'payments' AND column_name = 'three_d_secure_result'",
      );
      expect(columns.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
