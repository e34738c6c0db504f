import { describe, expect, it } from "vitest";
import { reportingWindow } from "./reporting-window";

describe("reportingWindow", () => {
  it("is today and the 29 UTC days before it, whatever the hour", () => {
    const window = reportingWindow(new Date("2026-03-01T23:59:59.999Z"));
    expect(window.today.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(window.since.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(window.days).toHaveLength(30);
    expect(window.days[0]).toBe("2026-01-31");
    expect(window.days[29]).toBe("2026-03-01");
  });

  it("starts a new window at midnight UTC", () => {
    const before = reportingWindow(new Date("2026-12-31T23:59:59Z"));
    const after = reportingWindow(new Date("2027-01-01T00:00:00Z"));
    expect(before.days.at(-1)).toBe("2026-12-31");
    expect(after.days.at(-1)).toBe("2027-01-01");
    expect(after.days[0]).toBe("2026-12-03");
  });
});
