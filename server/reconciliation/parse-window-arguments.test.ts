import { describe, expect, it } from "vitest";
import { parseWindowArguments } from "./parse-window-arguments";

describe("the reconcile command's window", () => {
  it("reads bare dates as midnight UTC and full times as given", () => {
    expect(parseWindowArguments({ from: "2026-11-01", to: "2026-12-01T06:00:00Z" })).toEqual({
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-12-01T06:00:00Z"),
      asOf: undefined,
    });
  });

  it("refuses a missing, malformed or reversed window with the reason", () => {
    expect(() => parseWindowArguments({ to: "2026-12-01" })).toThrow(/--from is required/);
    expect(() => parseWindowArguments({ from: "yesterday", to: "2026-12-01" })).toThrow(/ISO date/);
    expect(() => parseWindowArguments({ from: "2026-12-01", to: "2026-11-01" })).toThrow(/must be before/);
    expect(() => parseWindowArguments({ from: "2026-11-01", to: "2026-11-01" })).toThrow(/must be before/);
  });
});
