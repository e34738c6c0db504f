import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { AppError } from "../errors";
import { closeLedgerPeriod, periodBounds } from "./close-period";
import { postPaymentCaptured } from "./post-payment-captured";
import { balanceTransaction } from "./testing/test-fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const at = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
const charge = (iso: string) =>
  balanceTransaction({
    amount: 10_000,
    fee: 320,
    type: "charge",
    reporting_category: "charge",
    source: `ch_${randomUUID().slice(0, 8)}`,
    created: at(iso),
    currency: "gbp",
  });
const post = (bt: ReturnType<typeof charge>) =>
  database.prisma.$transaction((tx) => postPaymentCaptured(tx, { balanceTransaction: bt }));
const entries = () => database.prisma.ledgerTransaction.count();

describe("closing a ledger period", () => {
  const postedBeforeClose = charge("2026-11-10T12:00:00Z");

  it("refuses a posting dated in the closed month with a clear error and writes nothing", async () => {
    await post(postedBeforeClose);
    await database.prisma.$transaction((tx) =>
      closeLedgerPeriod(tx, { period: "2026-11", staffUserId: randomUUID(), note: "November signed off" }),
    );
    const before = await entries();
    const refused = post(charge("2026-11-30T23:59:59Z"));
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Ledger period 2026-11 is closed: an entry dated 2026-11-30 23:59 UTC cannot be posted in it. Post the correction in an open period.",
    });
    expect(await entries()).toBe(before);
  });

  it("takes postings on either side of the month, and a repeat of one already booked in it stays a no-op", async () => {
    expect((await post(charge("2026-10-31T23:59:59Z"))).entry.posted).toBe(true);
    expect((await post(charge("2026-12-01T00:00:00Z"))).entry.posted).toBe(true);
    expect((await post(postedBeforeClose)).entry.posted).toBe(false);
  });

  it("is enforced by the database whoever writes, and a closed period cannot be reopened or closed twice", async () => {
    await expect(
      database.prisma.$executeRaw`
        INSERT INTO "ledger_transactions" ("id", "idempotency_key", "kind", "description", "occurred_at", "staff_user_id")
        VALUES (gen_random_uuid(), 'raw-november', 'reversal', 'raw', '2026-11-15T00:00:00Z', gen_random_uuid())`,
    ).rejects.toThrow(/ledger period 2026-11 is closed/);
    await expect(
      database.prisma.$transaction((tx) => closeLedgerPeriod(tx, { period: "2026-11", staffUserId: randomUUID() })),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Ledger period 2026-11 is already closed" });
    await expect(database.prisma.$executeRaw`DELETE FROM "ledger_closed_periods"`).rejects.toThrow();
    await expect(database.prisma.$executeRaw`UPDATE "ledger_closed_periods" SET "note" = 'x'`).rejects.toThrow();
  });

  it("names months only", () => {
    expect(periodBounds("2026-12")).toEqual({
      start: new Date("2026-12-01T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
    expect(() => periodBounds("2026-13")).toThrow(/not a month/);
    expect(() => periodBounds("November")).toThrow(/not a month/);
  });
});
