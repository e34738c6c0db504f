import { describe, expect, it } from "vitest";
import { ACCOUNT } from "../ledger";
import { buildJournals } from "./build-journals";
import type { LedgerEntryForJournal } from "./journal-draft";
import { journalImbalance } from "./net-journal-lines";
import { accountName, charge, disputeLost, payoutCreated, payoutPaid, refund } from "./testing/journal-entries";

const now = new Date("2026-02-01T12:00:00Z");

function lineOf(journal: { lines: { accountCode: string; direction: string; amountMinor: bigint }[] }, code: string) {
  const line = journal.lines.find((l) => l.accountCode === code);
  return line ? [line.direction, line.amountMinor] : null;
}

/** Net debit-minus-credit per account over journals: what the target's trial balance shows. */
function netByAccount(lines: { accountCode: string; direction: string; amountMinor: bigint }[]) {
  const net: Record<string, bigint> = {};
  for (const l of lines)
    net[l.accountCode] = (net[l.accountCode] ?? 0n) + (l.direction === "debit" ? l.amountMinor : -l.amountMinor);
  return Object.fromEntries(Object.entries(net).filter(([, v]) => v !== 0n));
}

describe("summary journals", () => {
  const month: LedgerEntryForJournal[] = [
    charge("2026-01-02T10:00:00Z", 10_000, 320),
    charge("2026-01-03T10:00:00Z", 5_000, 175),
    refund("2026-01-04T10:00:00Z", 2_000),
    payoutCreated("2026-01-05T00:00:00Z", "po_1", 12_505),
    payoutPaid("2026-01-07T00:00:00Z", "po_1", 12_505),
    charge("2026-01-10T10:00:00Z", 20_000, 610),
    disputeLost("2026-01-11T10:00:00Z", 5_000, 1_500),
    payoutCreated("2026-01-12T00:00:00Z", "po_2", 12_890),
    charge("2026-01-20T10:00:00Z", 3_000, 117),
    charge("2026-02-01T09:00:00Z", 1_000, 59),
  ];

  it("gives one journal per paid payout with sales, refunds, fees and the deposit to the bank", () => {
    const journals = buildJournals({ mode: "summary", entries: month, existingKeys: new Set(), now, accountName });
    const payout = journals.find((j) => j.journalKey === "payout:po_1:USD")!;
    expect(payout.date).toBe("2026-01-07");
    expect(lineOf(payout, ACCOUNT.salesRevenue)).toEqual(["credit", 15_000n]);
    expect(lineOf(payout, ACCOUNT.refunds)).toEqual(["debit", 2_000n]);
    expect(lineOf(payout, ACCOUNT.processingFees)).toEqual(["debit", 495n]);
    expect(lineOf(payout, ACCOUNT.bank)).toEqual(["debit", 12_505n]);
    // The Stripe balance and payouts in transit net to nothing over a paid-out batch.
    expect(lineOf(payout, ACCOUNT.stripeAvailable)).toBeNull();
    expect(lineOf(payout, ACCOUNT.payoutsInTransit)).toBeNull();
    expect(payout.ledgerTransactionIds).toHaveLength(5);
  });

  it("keeps a payout in transit and its activity back, and gives each past day of unpaid activity its own journal", () => {
    const journals = buildJournals({ mode: "summary", entries: month, existingKeys: new Set(), now, accountName });
    expect(journals.map((j) => j.journalKey)).toEqual(["payout:po_1:USD", "day:USD:2026-01-20"]);
    const day = journals[1]!;
    expect(lineOf(day, ACCOUNT.salesRevenue)).toEqual(["credit", 3_000n]);
    expect(lineOf(day, ACCOUNT.stripeAvailable)).toEqual(["debit", 2_883n]);
  });

  it("carries every entry once, balanced, once all is settled", () => {
    const settled = [...month, payoutPaid("2026-01-14T00:00:00Z", "po_2", 12_890)];
    const later = new Date("2026-03-01T00:00:00Z");
    const journals = buildJournals({
      mode: "summary",
      entries: settled,
      existingKeys: new Set(),
      now: later,
      accountName,
    });
    const carried = journals.flatMap((j) => j.ledgerTransactionIds);
    expect(new Set(carried).size).toBe(carried.length);
    expect(carried.sort()).toEqual(settled.map((e) => e.ledgerTransactionId).sort());
    for (const journal of journals) expect(journalImbalance(journal.lines)).toBe(0n);
    const po2 = journals.find((j) => j.journalKey === "payout:po_2:USD")!;
    expect(lineOf(po2, ACCOUNT.disputeLosses)).toEqual(["debit", 5_000n]);
    expect(lineOf(po2, ACCOUNT.disputeFees)).toEqual(["debit", 1_500n]);
    expect(netByAccount(journals.flatMap((j) => j.lines))).toEqual(
      netByAccount(settled.flatMap((e) => e.lines.map((l) => ({ ...l })))),
    );
  });

  it("numbers a group that already has a journal, so a late entry never rewrites what was sent", () => {
    const late = [refund("2026-01-20T11:00:00Z", 500)];
    const journals = buildJournals({
      mode: "summary",
      entries: late,
      existingKeys: new Set(["day:USD:2026-01-20"]),
      now,
      accountName,
    });
    expect(journals.map((j) => j.journalKey)).toEqual(["day:USD:2026-01-20#2"]);
  });
});

describe("per-transaction journals", () => {
  it("gives every ledger entry its own balanced journal dated the day it happened", () => {
    const entries = [charge("2026-01-02T10:00:00Z", 10_000, 320), refund("2026-01-04T23:59:59Z", 2_000)];
    const journals = buildJournals({ mode: "per_transaction", entries, existingKeys: new Set(), now, accountName });
    expect(journals.map((j) => [j.date, j.lines.length, journalImbalance(j.lines)])).toEqual([
      ["2026-01-02", 3, 0n],
      ["2026-01-04", 2, 0n],
    ]);
    expect(journals[0]!.journalKey).toBe(`entry:${entries[0]!.idempotencyKey}:USD`);
    expect(journals[0]!.lines[0]).toMatchObject({
      accountCode: ACCOUNT.stripeAvailable,
      direction: "debit",
      amountMinor: 9_680n,
    });
  });
});
