import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatUtc, isLocale, isTimeZone } from "./format-date-time";

const moment = new Date("2026-12-01T07:59:55Z");

describe("formatDateTime", () => {
  it("writes the moment in the merchant's zone and locale, naming the zone", () => {
    expect(formatDateTime(moment)).toBe("Dec 1, 2026, 07:59 AM UTC");
    expect(formatDateTime(moment, { locale: "en-US", timeZone: "America/New_York" })).toBe("Dec 1, 2026, 02:59 AM EST");
    expect(formatDateTime(moment, { locale: "en-GB", timeZone: "Europe/Berlin" })).toBe("1 Dec 2026, 08:59 CET");
    expect(formatDateTime("2026-12-01T07:59:55.000Z", { locale: "en-GB", timeZone: "UTC" })).toBe(
      "1 Dec 2026, 07:59 UTC",
    );
  });

  it("puts a late-evening UTC moment on the next day east of Greenwich", () => {
    const late = new Date("2026-12-01T23:30:00Z");
    expect(formatDate(late, { locale: "en-US", timeZone: "Asia/Tokyo" })).toBe("Dec 2, 2026");
    expect(formatDate(late)).toBe("Dec 1, 2026");
  });

  it("keeps the exact UTC moment for hover", () => {
    expect(formatUtc(moment)).toBe("2026-12-01 07:59:55 UTC");
  });

  it("tells a real time zone and locale from a typo", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Europe/Berlni")).toBe(false);
    expect(isLocale("de-DE")).toBe(true);
    expect(isLocale("not a locale")).toBe(false);
  });
});
