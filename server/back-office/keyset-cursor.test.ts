import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { decodeCursor, encodeCursor } from "./keyset-cursor";

describe("keyset cursor", () => {
  it("round-trips a position", () => {
    const position = { value: "2026-11-28T10:00:00.000Z", id: "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e" };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(encodeCursor({ value: 1250, id: position.id }))).toEqual({ value: 1250, id: position.id });
  });

  it("refuses a tampered cursor with a 400", () => {
    for (const cursor of ["", "not-base64!", Buffer.from('["x","not-a-uuid"]').toString("base64url")]) {
      expect(() => decodeCursor(cursor)).toThrowError(AppError);
    }
  });
});
