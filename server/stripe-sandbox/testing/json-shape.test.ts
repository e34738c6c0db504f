import { describe, expect, it } from "vitest";
import { shapeMismatches } from "./json-shape";

describe("shapeMismatches", () => {
  it("names missing fields and type changes, recursively", () => {
    const expected = { id: "x", amount: 1, nested: { flag: true }, list: [{ a: "b" }] };
    expect(shapeMismatches(expected, { id: "y", amount: 2, nested: { flag: false }, list: [{ a: "c" }] })).toEqual([]);
    expect(shapeMismatches(expected, { id: 1, nested: {}, list: [{ a: 2 }] })).toEqual([
      "id: expected string, got number",
      "amount: missing",
      "nested.flag: missing",
      "list[0].a: expected string, got number",
    ]);
  });

  it("accepts null for a field the example fills", () => {
    expect(shapeMismatches({ canceled_at: 123 }, { canceled_at: null })).toEqual([]);
  });
});
