import { describe, expect, it } from "vitest";
import { auditEntryToCsvRow, csvCell } from "./export-audit-csv";

describe("audit CSV", () => {
  it("quotes separators and neutralises spreadsheet formulas", () => {
    expect(csvCell('said "no", twice')).toBe('"said ""no"", twice"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
  });

  it("writes the amount both as a decimal in its currency and in minor units", () => {
    const row = auditEntryToCsvRow({
      id: "a",
      createdAt: new Date("2026-11-28T09:30:00.000Z"),
      actorKind: "staff",
      actorEmail: "fay@payops.test",
      actorName: "Fay",
      action: "refund.approved",
      subjectType: "refund",
      subjectId: "re_1",
      amountMinor: 4800,
      currency: "JPY",
      reason: "damaged, customer sent photos",
      before: { status: "pending" },
      after: { status: "approved" },
      subjectOrderId: "4c5a…",
    });
    expect(row).toBe(
      "2026-11-28T09:30:00.000Z,staff,fay@payops.test,refund.approved,refund,re_1,4800,4800,JPY," +
        '"damaged, customer sent photos","{""status"":""pending""}","{""status"":""approved""}"',
    );
  });
});
