import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { trialBalance } from "../ledger";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox/index";
import { assignBreaks } from "./assign-breaks";
import { closeMonth } from "./close-month";
import { resolveBreak } from "./resolve-break";
import { runReconciliation } from "./run-reconciliation";
import { stripeListSide } from "./stripe-list-side";
import { PayopsFeed } from "./testing/payops-feed";
import { DAY, pay, type SandboxClient, sandboxClient } from "./testing/sandbox-month";

let database: TestDatabase;
let sandbox: RunningSandbox;
let client: SandboxClient;
let financeId: string;
let ownerId: string;
let from: Date;
let to: Date;
let asOf: Date;

const reconcile = () =>
  runReconciliation(
    { prisma: database.prisma, stripeSide: stripeListSide(client.stripe) },
    { from, to, asOf, trigger: "back_office" },
  );

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({ port: 0, config: { timing: { chargeBalanceTransactionDelayMs: 0 } } });
  client = sandboxClient(sandbox);
  const staff = (email: string) =>
    database.prisma.staffUser.create({ data: { email, name: email, role: "finance", passwordHash: "x" } });
  financeId = (await staff("finance@example.test")).id;
  ownerId = (await staff("owner@example.test")).id;
  const feed = new PayopsFeed(client.stripe, "gbp", database.prisma);
  const start = await client.nowSeconds();
  from = new Date(Math.floor(start / DAY) * DAY * 1000);
  to = new Date(from.getTime() + DAY * 1000);
  const intent = await pay(client, 10_000, "gbp");
  await feed.sync();
  const charge = await client.stripe.charges.retrieve(intent.latest_charge as string);
  await client.control(`/balance_transactions/${charge.balance_transaction as string}/fee`, { fee: 350 });
  await client.control("/clock/advance", { seconds: 4 * DAY });
  await feed.sync();
  asOf = new Date((await client.nowSeconds()) * 1000);
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

const audit = (subjectId: string) =>
  database.prisma.auditLog.findMany({ where: { subjectId }, orderBy: { createdAt: "asc" } });

describe("working a break to a resolution", () => {
  let breakId: string;

  it("finance assigns the fee difference with an owner and a due date, audited", async () => {
    const summary = await reconcile();
    expect(summary.breaks).toEqual({ fee_mismatch: 1 });
    breakId = (await database.prisma.reconciliationBreak.findFirstOrThrow()).id;
    const dueAt = new Date("2027-01-15T00:00:00Z");
    expect(await assignBreaks(database.prisma, { breakIds: [breakId], ownerId, dueAt, actorId: financeId })).toEqual({
      assigned: 1,
    });
    expect(await database.prisma.reconciliationBreak.findUniqueOrThrow({ where: { id: breakId } })).toMatchObject({
      status: "assigned",
      ownerId,
      dueAt,
    });
    expect((await audit(breakId)).map((row) => [row.action, row.actorId])).toEqual([
      ["reconciliation.break_assigned", financeId],
    ]);
  });

  it("an adjusting entry dated in a closed month is refused with the reason, and nothing changes", async () => {
    const closed = await closeMonth(database.prisma, { period: "2026-10", actorId: financeId, note: "October done" });
    expect(closed).toEqual({ period: "2026-10", openBreaks: 0 });
    const refused = resolveBreak(database.prisma, {
      breakId,
      actorId: financeId,
      reason: "Stripe charged 30 more",
      resolution: "adjusting_entry",
      adjustment: {
        reasonCode: "fee_adjustment",
        amountMinor: 30,
        currency: "GBP",
        occurredAt: new Date("2026-10-20"),
      },
    });
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT", message: /Ledger period 2026-10 is closed/ });
    expect((await database.prisma.reconciliationBreak.findUniqueOrThrow({ where: { id: breakId } })).status).toBe(
      "assigned",
    );
    expect(await database.prisma.ledgerTransaction.count({ where: { kind: "adjustment" } })).toBe(0);
  });

  it("resolves with an adjusting entry through the ledger: balanced, linked, audited with the amount", async () => {
    const difference = Number(
      (await database.prisma.reconciliationBreak.findUniqueOrThrow({ where: { id: breakId } })).amountMinor,
    );
    expect(difference).toBe(350 - 320);
    const { ledgerTransactionId } = await resolveBreak(database.prisma, {
      breakId,
      actorId: financeId,
      reason: "Stripe charged 30 more",
      resolution: "adjusting_entry",
      adjustment: { reasonCode: "fee_adjustment", amountMinor: difference, currency: "GBP" },
    });
    const entry = await database.prisma.ledgerTransaction.findUniqueOrThrow({
      where: { id: ledgerTransactionId! },
      include: { lines: { orderBy: { accountCode: "asc" } } },
    });
    expect(entry).toMatchObject({ kind: "adjustment", staffUserId: financeId });
    expect(entry.lines.map((l) => [l.accountCode, l.direction, l.amountMinor])).toEqual([
      ["1020", "credit", 30n],
      ["6010", "debit", 30n],
    ]);
    expect((await database.prisma.$transaction((tx) => trialBalance(tx, { currency: "GBP" }))).balanced).toBe(true);
    expect(await database.prisma.reconciliationBreak.findUniqueOrThrow({ where: { id: breakId } })).toMatchObject({
      status: "resolved",
      resolution: "adjusting_entry",
      resolutionReason: "Stripe charged 30 more",
      ledgerTransactionId,
      resolvedById: financeId,
    });
    const rows = await audit(breakId);
    expect(rows.map((row) => row.action)).toEqual([
      "reconciliation.break_assigned",
      "reconciliation.adjusting_entry_posted",
      "reconciliation.break_resolved",
    ]);
    expect(rows[1]).toMatchObject({
      amountMinor: 30,
      currency: "GBP",
      reason: "Stripe fee correction: Stripe charged 30 more",
    });
  });

  it("a resolved break stays resolved: no second resolution, no assignment, and a re-run neither reopens nor copies it", async () => {
    await expect(
      resolveBreak(database.prisma, { breakId, actorId: financeId, reason: "again", resolution: "written_off" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      assignBreaks(database.prisma, { breakIds: [breakId], ownerId, dueAt: new Date(), actorId: financeId }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      resolveBreak(database.prisma, { breakId, actorId: financeId, reason: "  ", resolution: "matched_by_hand" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const summary = await reconcile();
    expect(summary).toMatchObject({ opened: 0, seenAgain: 1, resolved: 0 });
    expect(await database.prisma.reconciliationBreak.findMany()).toMatchObject([{ id: breakId, status: "resolved" }]);
  });
});
