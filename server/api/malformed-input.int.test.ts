import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableFingerprints } from "../../test/integration/table-fingerprints";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { StaffSession } from "../auth/staff-session";
import { seedCatalogue } from "../catalogue/seed-catalogue";
import { seedOrders } from "../orders-workspace/seed-orders";
import { handleTrpcRequest } from "./handle-trpc-request";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

// The exact requests that answered 500: each must be a 4xx with a reason, and change nothing.
let database: TestDatabase;
let admin: StaffSession;
beforeAll(async () => {
  // Procedures build their Stripe client first; nothing here may reach it (port 9 is discard).
  process.env.STRIPE_API_URL = "http://127.0.0.1:9";
  database = await createTestDatabase();
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = database.prisma;
  const user = await database.prisma.staffUser.create({
    data: { email: "admin@malformed.test", name: "Admin", role: "admin", passwordHash: "unused" },
  });
  admin = { userId: user.id, email: user.email, name: user.name, role: "admin" };
  await seedCatalogue(database.prisma);
  await seedOrders(database.prisma, { count: 3 });
});
afterAll(async () => {
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = undefined;
  await database.drop();
});

const uuid = "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e";
const cursor = (value: unknown) => Buffer.from(JSON.stringify([value, uuid])).toString("base64url");
const NUL = "a\u0000b";
const shipping = { name: NUL, line1: "1 Main St", city: "Springfield", postalCode: "12345", country: "US" };

async function aCart() {
  const price = await database.prisma.productPrice.findFirstOrThrow({ where: { currency: "USD" } });
  return { currency: "USD", lines: [{ productId: price.productId, quantity: 1 }] };
}

const createCaller = createCallerFactory(appRouter);
type Call = (api: ReturnType<typeof createCaller>) => Promise<unknown>;

const requests: [string, "BAD_REQUEST" | "NOT_FOUND", Call, boolean?][] = [
  [
    "checkout.start with a NUL in the shipping name (signed out)",
    "BAD_REQUEST",
    async (api) =>
      api.checkout.start({ checkoutKey: "k".repeat(20), email: "a@example.com", shipping, cart: await aCart() }),
    true,
  ],
  ["orders.list with a NUL in the email", "BAD_REQUEST", (api) => api.orders.list({ email: NUL })],
  [
    "audit.list with a NUL in the actor filter",
    "BAD_REQUEST",
    (api) => api.audit.list({ filters: { actorEmail: NUL } }),
  ],
  [
    "audit.exportCsv with a NUL in the subject",
    "BAD_REQUEST",
    (api) => api.audit.exportCsv({ filters: { subjectId: NUL } }),
  ],
  [
    "staffUsers.create with a NUL in the name",
    "BAD_REQUEST",
    (api) =>
      api.staffUsers.create({ email: "n@example.com", name: NUL, role: "support", password: "long-enough-password" }),
  ],
  [
    "refunds.request with a NUL in the note",
    "BAD_REQUEST",
    (api) =>
      api.refunds.request({
        orderId: uuid,
        amountMinor: 100,
        reasonCode: "requested_by_customer",
        note: NUL,
        idempotencyKey: "key-12345678",
      }),
  ],
  [
    "refunds.request with a NUL in the idempotency key",
    "BAD_REQUEST",
    (api) =>
      api.refunds.request({
        orderId: uuid,
        amountMinor: 100,
        reasonCode: "requested_by_customer",
        idempotencyKey: `key-${NUL}-1234`,
      }),
  ],
  [
    "disputes.saveDraft with a NUL in the evidence",
    "BAD_REQUEST",
    (api) => api.disputes.saveDraft({ disputeId: uuid, evidence: { product_description: NUL } }),
  ],
  ["orders.list with a lone surrogate", "BAD_REQUEST", (api) => api.orders.list({ email: "a\uD800b" })],
  ["orders.list from year 0000", "BAD_REQUEST", (api) => api.orders.list({ from: "0000-01-01" })],
  ["audit.list to year 0000", "BAD_REQUEST", (api) => api.audit.list({ filters: { to: "0000-12-31" } })],
  [
    "orders.list with cursor [1e20, uuid] on total",
    "BAD_REQUEST",
    (api) => api.orders.list({ sort: "total", cursor: cursor(1e20) }),
  ],
  [
    "orders.list with cursor [1.5, uuid] on total",
    "BAD_REQUEST",
    (api) => api.orders.list({ sort: "total", cursor: cursor(1.5) }),
  ],
  [
    'orders.list with cursor ["not a date", uuid]',
    "BAD_REQUEST",
    (api) => api.orders.list({ cursor: cursor("not a date") }),
  ],
  ['orders.list with cursor ["garbage", uuid]', "BAD_REQUEST", (api) => api.orders.list({ cursor: cursor("garbage") })],
  ['audit.list with cursor ["garbage", uuid]', "BAD_REQUEST", (api) => api.audit.list({ cursor: cursor("garbage") })],
  [
    "orders.list with minAmount 99999999999",
    "BAD_REQUEST",
    (api) => api.orders.list({ currency: "USD", minAmount: "99999999999" }),
  ],
  ["refunds.retryIssue with an unknown id", "NOT_FOUND", (api) => api.refunds.retryIssue({ refundId: randomUUID() })],
  [
    "staffUsers.signOutEverywhere with an unknown id",
    "NOT_FOUND",
    (api) => api.staffUsers.signOutEverywhere({ staffUserId: randomUUID() }),
  ],
];

describe("malformed input answers 4xx with a reason and writes nothing", () => {
  it.each(requests)("%s → %s", async (_name, expected, call, signedOut) => {
    const before = await tableFingerprints(database.prisma);
    const api = createCaller({
      requestId: "malformed-input-test",
      headers: new Headers(),
      staff: signedOut ? null : admin,
    });
    const error = await call(api).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe(expected);
    expect((error as TRPCError).message.length).toBeGreaterThan(5);
    expect(await tableFingerprints(database.prisma)).toEqual(before);
  });

  it("GET /api/trpc/%E0%A4%A (a broken percent-encoding) is a JSON 400", async () => {
    const response = await handleTrpcRequest(new Request("http://localhost/api/trpc/%E0%A4%A"));
    expect(response.status).toBe(400);
    expect((await response.json()) as unknown).toMatchObject({ error: { json: { data: { code: "BAD_REQUEST" } } } });
  });
});
