import { describe, expect, it } from "vitest";
import { calendarDate, findUnstorableText, isStorableInstant, unstorableTextReason } from "./storable-input";

describe("storable input", () => {
  it("names NULs and lone surrogates anywhere in a request, keys included", () => {
    expect(unstorableTextReason("plain café 🍵")).toBeNull();
    expect(unstorableTextReason("a\u0000")).toMatch(/NUL/);
    expect(unstorableTextReason("\uD800x")).toMatch(/surrogate/);
    expect(unstorableTextReason("x\uDC00")).toMatch(/surrogate/);
    expect(findUnstorableText({ shipping: { name: "a\u0000" } })).toBe("shipping.name contains a NUL character");
    expect(findUnstorableText({ list: ["ok", "\uDBFF"] })).toBe("list.1 contains a broken (lone surrogate) character");
    expect(findUnstorableText({ "k\u0000": 1 })).toMatch(/field name/);
    expect(findUnstorableText({ a: [1, null, true, { b: "fine" }] })).toBeNull();
  });

  it("keeps dates and instants where PostgreSQL and JavaScript agree", () => {
    expect(calendarDate().safeParse("2026-11-28").success).toBe(true);
    expect(calendarDate().safeParse("0000-01-01").success).toBe(false);
    expect(calendarDate().safeParse("9999-12-31").success).toBe(false);
    expect(isStorableInstant("2026-11-28T10:00:00.000Z")).toBe(true);
    expect(isStorableInstant("0000-01-01T00:00:00.000Z")).toBe(false);
    expect(isStorableInstant("not a date")).toBe(false);
  });
});
