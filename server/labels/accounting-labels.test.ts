import { describe, expect, it } from "vitest";
import {
  CONNECTION_STATUS_LABELS,
  EXPORT_FORMAT_LABELS,
  JOURNAL_KIND_LABELS,
  JOURNAL_MODE_LABELS,
  JOURNAL_STATUS_LABELS,
  journalKindLabel,
  journalStatusLabel,
  VENDOR_LABELS,
} from "./accounting-labels";

describe("accounting labels", () => {
  it("names every journal state, kind, mode, vendor and file in words", () => {
    const tables = [
      JOURNAL_STATUS_LABELS,
      CONNECTION_STATUS_LABELS,
      VENDOR_LABELS,
      JOURNAL_MODE_LABELS,
      JOURNAL_KIND_LABELS,
      EXPORT_FORMAT_LABELS,
    ];
    for (const table of tables) for (const label of Object.values(table)) expect(label).not.toMatch(/_|\w\.\w/);
    expect(journalStatusLabel("pending")).toBe("Waiting to be sent");
    expect(journalKindLabel("transaction")).toBe("Transaction");
    expect(journalStatusLabel("on_hold")).toBe("On hold");
  });
});
