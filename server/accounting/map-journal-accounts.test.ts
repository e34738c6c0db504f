import { describe, expect, it } from "vitest";
import { ACCOUNT } from "../ledger";
import { buildJournals } from "./build-journals";
import { describeMappingProblems, mapJournalAccounts } from "./map-journal-accounts";
import type { TargetAccount } from "./target-account";
import { accountName, charge, refund } from "./testing/journal-entries";

const chart: TargetAccount[] = [
  { id: "1", code: "1200", name: "Stripe clearing", active: true },
  { id: "2", code: "4000", name: "Sales", active: true },
  { id: "3", code: "4010", name: "Refunds", active: true },
  { id: "4", code: "6010", name: "Merchant fees", active: true },
  { id: "5", code: "6999", name: "Old fees", active: false },
];
const drafts = buildJournals({
  mode: "summary",
  entries: [charge("2026-01-02T10:00:00Z", 10_000, 320), refund("2026-01-02T11:00:00Z", 1_000)],
  existingKeys: new Set(),
  now: new Date("2026-02-01T00:00:00Z"),
  accountName,
});

describe("account mapping", () => {
  it("translates PayOps accounts into the target's and nets accounts that share a target", () => {
    const result = mapJournalAccounts(
      drafts,
      { "1020": "1200", "4000": "4000", "4010": "4010", "6010": "6010" },
      chart,
      accountName,
    );
    if (!result.ok) throw new Error("expected a mapping");
    expect(result.journals[0]!.lines.map((l) => [l.account.code, l.direction, l.amountMinor])).toEqual([
      ["1200", "debit", 8_680n],
      ["6010", "debit", 320n],
      ["4010", "debit", 1_000n],
      ["4000", "credit", 10_000n],
    ]);
  });

  it("names every unmapped, unknown or archived account and maps nothing", () => {
    const result = mapJournalAccounts(drafts, { "1020": "1200", "4000": "9000", "6010": "6999" }, chart, accountName);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.payopsAccountCode)).toEqual([
      ACCOUNT.salesRevenue,
      ACCOUNT.refunds,
      ACCOUNT.processingFees,
    ]);
    const message = describeMappingProblems(result.problems);
    expect(message).toContain("PayOps account 4010 (Refunds (contra-revenue)) is not mapped");
    expect(message).toContain("mapped to account 9000, which the accounting system's chart does not have");
    expect(message).toContain("mapped to account 6999 (Old fees), which is archived");
  });
});
