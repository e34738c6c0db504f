import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { logger } from "../observability/logger";
import { handleTrpcRequest } from "./handle-trpc-request";

// A database without PayOps' tables: every query fails inside PostgreSQL, as an outage or a bad
// migration would, and the error text names tables, columns and Prisma's invocation.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = database.prisma;
});
afterAll(async () => {
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = undefined;
  await database.drop();
});

describe("errors a client sees", () => {
  it("a failing procedure answers 500 with a sentence and a correlation id; Prisma's text goes to the log only", async () => {
    const logged = vi.spyOn(logger, "error");
    const cart = { currency: "USD", lines: [{ productId: "00000000-0000-4000-8000-000000000001", quantity: 1 }] };
    const input = encodeURIComponent(JSON.stringify({ json: { cart } }));
    const response = await handleTrpcRequest(new Request(`http://localhost/api/trpc/checkout.summary?input=${input}`));
    expect(response.status).toBe(500);
    const text = await response.text();
    for (const leak of [
      /prisma/i,
      /invocation/i,
      /relation/i,
      /does not exist/i,
      /P20\d\d/,
      /SELECT/i,
      /\.ts:\d+/,
      /stack/i,
    ]) {
      expect(text).not.toMatch(leak);
    }
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const body = JSON.parse(text) as { error: { json: { message: string; data: { requestId: string } } } };
    expect(body.error.json.message).toContain(`reference ${requestId}`);
    expect(body.error.json.data.requestId).toBe(requestId);
    const entry = logged.mock.calls.find((call) => (call[0] as { requestId?: string }).requestId === requestId);
    expect(entry).toBeDefined();
    expect(String((entry![0] as { err: Error }).err)).toMatch(/does not exist/);
    logged.mockRestore();
  });

  it("refused input keeps its reason (a 4xx says what was wrong)", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { token: "" } }));
    const response = await handleTrpcRequest(new Request(`http://localhost/api/trpc/checkout.order?input=${input}`));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { data: { zodIssues: string[]; requestId: string } } } };
    expect(body.error.json.data.zodIssues.length).toBeGreaterThan(0);
    expect(body.error.json.data.requestId).toBe(response.headers.get("x-request-id"));
  });
});
