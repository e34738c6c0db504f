import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { roleHasPermission, STAFF_ROLES } from "../auth/permissions";
import { seedOrders } from "../orders-workspace/seed-orders";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

let database: TestDatabase;
let orderId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = database.prisma;
  await seedOrders(database.prisma, { count: 1 });
  orderId = (await database.prisma.order.findFirstOrThrow()).id;
});
afterAll(async () => {
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = undefined;
  await database.drop();
});

describe("orders.detail applies ledger.read to the data it returns", () => {
  it.each(STAFF_ROLES)("as %s", async (role) => {
    const user = await database.prisma.staffUser.create({
      data: { email: `${role}@ledger-detail.test`, name: role, role, passwordHash: "unused" },
    });
    const api = createCallerFactory(appRouter)({
      requestId: "ledger-detail-test",
      headers: new Headers(),
      staff: { userId: user.id, email: user.email, name: user.name, role },
    });
    const detail = await api.orders.detail({ orderId });
    expect(detail.order.id).toBe(orderId);
    if (roleHasPermission(role, "ledger.read")) expect(detail.ledgerLines).toEqual([]);
    else expect(detail.ledgerLines).toBeNull();
  });
});
