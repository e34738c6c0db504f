import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { decodeCursor, encodeCursor } from "./keyset-cursor";

describe("keyset cursor", () => {
  it("round-trips a position", () => {
    const position = { value: "2026-11-28T10:00:00.000Z", id: "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e" };
    expect(decodeCursor(encodeCursor(position), "timestamp")).toEqual(position);
    expect(decodeCursor(encodeCursor({ value: 1250, id: position.id }), "integer")).toEqual({
      value: 1250,
      id: position.id,
    });
  });

  it("refuses a tampered cursor with a 400", () => {
    for (const cursor of ["", "not-base64!", Buffer.from('["x","not-a-uuid"]').toString("base64url")]) {
      expect(() => decodeCursor(cursor, "text")).toThrowError(AppError);
    }
  });

  it("refuses values PostgreSQL cannot compare with the sort column", () => {
    const id = "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e";
    const tampered = (value: unknown, cursorId = id) =>
      Buffer.from(JSON.stringify([value, cursorId])).toString("base64url");
    for (const [value, kind] of [
      [1e20, "integer"],
      [1.5, "integer"],
      ["not a date", "timestamp"],
      ["garbage", "timestamp"],
      ["0000-01-01T00:00:00.000Z", "timestamp"],
      ["a\u0000b", "text"],
      [12, "text"],
    ] as const) {
      expect(() => decodeCursor(tampered(value), kind), `${value} as ${kind}`).toThrowError(AppError);
    }
    expect(() => decodeCursor(tampered("x", "-".repeat(36)), "text")).toThrowError(AppError);
  });
});
