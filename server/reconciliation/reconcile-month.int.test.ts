import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox/index";
import { importBankStatement, saveBankAccount } from "./import-bank-statement";
import { runReconciliation } from "./run-reconciliation";
import type { ReconciliationSummary } from "./run-summary";
import { stripeListSide } from "./stripe-list-side";
import { stripeReportSide } from "./stripe-report-side";
import { type BankCsvLine, EUROPEAN_BANK_MAPPING, europeanBankCsv } from "./testing/bank-csv";
import { PayopsFeed } from "./testing/payops-feed";
import { amountFor, DAY, paidPayoutsArriving, pay, type SandboxClient, sandboxClient } from "./testing/sandbox-month";

const CURRENCY = "eur";
const TOLERANCES = { amountMinor: 0, feeMinor: 0, bankDateDays: 3, timingHours: 48 };

let database: TestDatabase;
let sandbox: RunningSandbox;
let client: SandboxClient;
let feed: PayopsFeed;
let bankAccountId: string;
let from: Date;
let to: Date;
let asOf: Date;
const injected: Record<string, string> = {};
let payouts: Stripe.Payout[];

async function reconcile(): Promise<ReconciliationSummary> {
  return runReconciliation(
    { prisma: database.prisma, stripeSide: stripeListSide(client.stripe) },
    { from, to, asOf, trigger: "command", tolerances: TOLERANCES, batchSize: 50 },
  );
}

async function openBreaks() {
  return database.prisma.reconciliationBreak.findMany({ where: { status: "open" }, orderBy: { type: "asc" } });
}

/** PayOps believes an order paid; at Stripe its PaymentIntent was only authorised, then canceled. */
async function paidOrderWithCanceledIntent(createdAt: Date) {
  const intent = await client.stripe.paymentIntents.create({
    amount: 4_200,
    currency: CURRENCY,
    payment_method: "pm_card_visa",
    capture_method: "manual",
    confirm: true,
  });
  await client.stripe.paymentIntents.cancel(intent.id);
  const customer = await database.prisma.customer.create({ data: { email: `${randomUUID()}@example.test` } });
  const order = await database.prisma.order.create({
    data: {
      publicToken: randomUUID(),
      customerId: customer.id,
      status: "paid",
      currency: "EUR",
      subtotalMinor: 4_200,
      totalMinor: 4_200,
      createdAt,
    },
  });
  const payment = await database.prisma.payment.create({
    data: {
      orderId: order.id,
      stripePaymentIntentId: intent.id,
      status: "succeeded",
      currency: "EUR",
      amountMinor: 4_200,
      amountCapturedMinor: 4_200,
      latestChargeId: intent.latest_charge as string,
      createdAt,
    },
  });
  return payment.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({
    port: 0,
    config: { timing: { chargeBalanceTransactionDelayMs: 0, refundSettleDelayMs: 0 } },
  });
  client = sandboxClient(sandbox);
  feed = new PayopsFeed(client.stripe, CURRENCY, database.prisma);
  const start = await client.nowSeconds();
  from = new Date(Math.floor(start / DAY) * DAY * 1000);
  const days = 28;
  to = new Date(from.getTime() + days * DAY * 1000);

  for (let day = 0; day < days; day++) {
    const intents: Stripe.PaymentIntent[] = [];
    for (let n = 0; n < 4; n++) intents.push(await pay(client, amountFor(day, n), CURRENCY));
    if (day % 3 === 1) await client.stripe.refunds.create({ payment_intent: intents[0]!.id, amount: 300 });
    if (day === 2) {
      const lost = await pay(client, 6_000, CURRENCY, "pm_card_createDispute");
      const won = await pay(client, 7_000, CURRENCY, "pm_card_createDispute");
      for (const [intent, outcome] of [
        [lost, "lost"],
        [won, "won"],
      ] as const) {
        const disputes = await client.stripe.disputes.list({ payment_intent: intent.id });
        await client.control(`/disputes/${disputes.data[0]!.id}/settle`, { outcome });
      }
    }
    if (day === 5) {
      // Made in the Stripe Dashboard; its webhook never reached PayOps.
      const refund = await client.stripe.refunds.create({ payment_intent: intents[1]!.id, amount: 1_000 });
      feed.unheard.add(refund.id);
      injected.droppedRefund = refund.id;
      // A charge made directly at Stripe, outside PayOps's checkout.
      const direct = await pay(client, 12_345, CURRENCY);
      feed.unheard.add(direct.latest_charge as string);
      injected.directCharge = direct.latest_charge as string;
    }
    if (day === 8) {
      injected.canceledIntentPayment = await paidOrderWithCanceledIntent(new Date((await client.nowSeconds()) * 1000));
    }
    await feed.sync();
    if (day === 9) {
      const charge = await client.stripe.charges.retrieve(intents[2]!.latest_charge as string);
      const bt = charge.balance_transaction as string;
      await client.control(`/balance_transactions/${bt}/fee`, { fee: 999 });
      injected.feeChanged = bt;
      const copied = await client.stripe.charges.retrieve(intents[3]!.latest_charge as string);
      const copy = await client.control<Stripe.BalanceTransaction>(
        `/balance_transactions/${copied.balance_transaction as string}/duplicate`,
      );
      feed.unheard.add(copy.id);
      injected.duplicate = copy.id;
    }
    await client.control("/clock/advance", { seconds: DAY });
  }
  await client.control("/clock/advance", { seconds: 5 * DAY });
  await feed.sync();
  asOf = new Date((await client.nowSeconds()) * 1000);

  payouts = await paidPayoutsArriving(client, CURRENCY, from.getTime() / 1000, to.getTime() / 1000);
  expect(payouts.length).toBeGreaterThan(20);
  // One payout's listing leaves out a charge it carried.
  const short = payouts[10]!;
  const carried = await client.stripe.balanceTransactions.list({ payout: short.id, limit: 100 });
  const omitted = carried.data.find((bt) => bt.type === "charge")!;
  await client.control(`/payouts/${short.id}/omit_transaction`, { balance_transaction: omitted.id });
  injected.shortPayout = short.id;

  // The bank statement: every payout but one (some booked a day late), and one deposit nobody can explain.
  const missing = payouts[14]!;
  injected.missingPayout = missing.id;
  const lines: BankCsvLine[] = payouts
    .filter((payout) => payout.id !== missing.id)
    .map((payout, index) => ({
      date: new Date((payout.arrival_date + (index % 3 === 0 ? DAY : 0)) * 1000),
      amountMinor: payout.amount,
      currency: CURRENCY.toUpperCase(),
      reference: index % 2 === 0 ? `STRIPE ${payout.trace_id?.value ?? ""}` : "STRIPE PAYOUT",
      party: "STRIPE PAYMENTS EUROPE",
    }));
  lines.push({
    date: new Date(from.getTime() + 12 * DAY * 1000),
    amountMinor: 77_700,
    currency: "EUR",
    reference: "INV 2026-118",
    party: "ACME GMBH",
  });
  bankAccountId = (
    await saveBankAccount(database.prisma, {
      name: "Operating EUR",
      currency: "EUR",
      csvMapping: EUROPEAN_BANK_MAPPING,
    })
  ).id;
  const imported = await importBankStatement(database.prisma, {
    bankAccountId,
    format: "csv",
    content: europeanBankCsv(lines),
  });
  expect(imported).toMatchObject({ alreadyImported: false, linesAdded: lines.length });
  injected.unknownBankLine = (
    await database.prisma.bankStatementLine.findFirstOrThrow({ where: { amountMinor: 77_700n } })
  ).id;
}, 300_000);

afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

describe("reconciling a month of sandbox activity", () => {
  it("finds each injected discrepancy as exactly the right break, and nothing else", async () => {
    const summary = await reconcile();
    expect(summary.breaks).toEqual({
      missing_in_payops: 2,
      missing_at_stripe: 1,
      fee_mismatch: 1,
      duplicate: 1,
      payout_total_mismatch: 1,
      payout_not_in_bank: 1,
      bank_line_without_payout: 1,
    });
    expect(summary.timing).toBe(0);
    expect(summary.rowsRead.balanceTransactions).toBeGreaterThan(100);
    const breaks = await openBreaks();
    const refs = (type: string) =>
      breaks.filter((b) => b.type === type).map((b) => b.stripeReference ?? b.payopsReference ?? b.bankLineId);
    const missingSources = breaks
      .filter((b) => b.type === "missing_in_payops")
      .map((b) => (b.stripeSide as { source: string }).source);
    expect(missingSources.sort()).toEqual([injected.droppedRefund, injected.directCharge].sort());
    expect(refs("fee_mismatch")).toEqual([injected.feeChanged]);
    expect(refs("duplicate")).toEqual([injected.duplicate]);
    expect(refs("payout_total_mismatch")).toEqual([injected.shortPayout]);
    expect(refs("payout_not_in_bank")).toEqual([injected.missingPayout]);
    expect(refs("bank_line_without_payout")).toEqual([injected.unknownBankLine]);
    const [missingAtStripe] = breaks.filter((b) => b.type === "missing_at_stripe");
    expect(missingAtStripe?.payopsReference).toBe(`payment:${injected.canceledIntentPayment}`);
    const fee = breaks.find((b) => b.type === "fee_mismatch")!;
    expect(fee.stripeSide).toMatchObject({ fee: 999 });
    expect(fee.amountMinor).toBe(999n - BigInt((fee.payopsSide as { fee: number }).fee));
  });

  it("the same window through the Reporting API gives the same result as through the list API", async () => {
    const listed = await reconcile();
    const reported = await runReconciliation(
      {
        prisma: database.prisma,
        stripeSide: stripeReportSide(client.stripe, { secretKey: "sk_test_reconciliation", pollMs: 20 }),
      },
      { from, to, asOf, trigger: "command", tolerances: TOLERANCES, batchSize: 50 },
    );
    expect(reported.source).toBe("report");
    expect(reported.breaks).toEqual(listed.breaks);
    expect(reported.timing).toBe(listed.timing);
    expect(reported).toMatchObject({ opened: 0, resolved: 0 });
    const findings = async (runId: string) =>
      (await database.prisma.reconciliationFinding.findMany({ where: { runId }, orderBy: { fingerprint: "asc" } })).map(
        (finding) => [finding.fingerprint, finding.amountMinor, finding.summary],
      );
    expect(await findings(reported.runId)).toEqual(await findings(listed.runId));
    expect(reported.rowsRead.balanceTransactions).toBe(listed.rowsRead.balanceTransactions);
  });

  it("re-running the window adds no break", async () => {
    const before = await database.prisma.reconciliationBreak.count();
    const summary = await reconcile();
    expect(summary.opened).toBe(0);
    expect(summary.seenAgain).toBe(8);
    expect(summary.resolved).toBe(0);
    expect(await database.prisma.reconciliationBreak.count()).toBe(before);
  });

  it("fixing a cause and re-running resolves its break with a note saying why", async () => {
    await feed.deliverLate((event) => "bt" in event && event.bt.source === injected.droppedRefund);
    const missing = payouts.find((payout) => payout.id === injected.missingPayout)!;
    await importBankStatement(database.prisma, {
      bankAccountId,
      format: "csv",
      content: europeanBankCsv([
        {
          date: new Date(missing.arrival_date * 1000),
          amountMinor: missing.amount,
          currency: "EUR",
          reference: "STRIPE PAYOUT",
          party: "STRIPE PAYMENTS EUROPE",
        },
      ]),
    });
    const summary = await reconcile();
    expect(summary.resolved).toBe(2);
    expect(summary.opened).toBe(0);
    const resolved = await database.prisma.reconciliationBreak.findMany({ where: { status: "resolved" } });
    expect(resolved.map((b) => [b.type, b.resolution]).sort()).toEqual([
      ["missing_in_payops", "matched_by_run"],
      ["payout_not_in_bank", "matched_by_run"],
    ]);
    const notes = Object.fromEntries(resolved.map((b) => [b.type, b.resolutionNote]));
    expect(notes.missing_in_payops).toMatch(/PayOps now has a record of it/);
    expect(notes.payout_not_in_bank).toMatch(/a bank statement line now matches the payout/);
    expect((await openBreaks()).length).toBe(6);
    const audited = await database.prisma.auditLog.findMany({ where: { action: "reconciliation.break_resolved" } });
    expect(audited.map((row) => [row.actorKind, row.subjectId]).sort()).toEqual(
      resolved.map((b) => ["system", b.id]).sort(),
    );
  });
});
