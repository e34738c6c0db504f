import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { Prisma } from "../db/client";
import { customersMatchingQuery } from "./list-orders";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  // A store's worth of customers, so the planner weighs an index against reading them all.
  await database.prisma.$executeRaw`
    INSERT INTO customers (id, email, name)
    SELECT gen_random_uuid(), 'Customer-' || n || '@Example.com', 'Customer ' || n
    FROM generate_series(1, 50000) AS n`;
  await database.prisma.$executeRaw`ANALYZE customers`;
});
afterAll(async () => {
  await database?.drop();
});

describe("the orders table's email filter", () => {
  it("finds customers by a case-insensitive prefix through the lower(email) index, not a scan", async () => {
    const query = customersMatchingQuery("customer-4999");
    const plan = await database.prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`);
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("customers_email_lower_prefix_idx");
    expect(text).not.toContain("Seq Scan");

    const rows = await database.prisma.$queryRaw<{ id: string }[]>(query);
    // customer-4999 and customer-49990 … 49999.
    expect(rows).toHaveLength(11);
  });
});
