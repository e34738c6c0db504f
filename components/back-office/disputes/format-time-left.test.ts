import { describe, expect, it } from "vitest";
import { formatTimeLeft, isDeadlineUrgent } from "./format-time-left";

const HOUR = 3_600_000;

describe("formatTimeLeft", () => {
  it("speaks in days and hours, then hours, then minutes", () => {
    expect(formatTimeLeft(3 * 24 * HOUR + 4 * HOUR + 59_000)).toBe("3 days 4 hours left");
    expect(formatTimeLeft(24 * HOUR)).toBe("1 day left");
    expect(formatTimeLeft(5 * HOUR + 10 * 60_000)).toBe("5 hours left");
    expect(formatTimeLeft(30_000)).toBe("1 minute left");
  });

  it("says when the deadline has passed, and when there is none", () => {
    expect(formatTimeLeft(-2 * HOUR)).toBe("overdue by 2 hours");
    expect(formatTimeLeft(null)).toBe("No deadline");
  });

  it("flags under two days as urgent", () => {
    expect(isDeadlineUrgent(47 * HOUR)).toBe(true);
    expect(isDeadlineUrgent(49 * HOUR)).toBe(false);
    expect(isDeadlineUrgent(null)).toBe(false);
  });
});
