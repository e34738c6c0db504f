import { describe, expect, it } from "vitest";
import { preparedMarker, preparedStatementName } from "./prepared-statements";

describe("prepared statement names", () => {
  it("leave unmarked SQL unnamed, so node-postgres does not keep it", () => {
    expect(preparedStatementName({ sql: 'SELECT 1 FROM "orders" WHERE "id" = $1' })).toBe("");
    expect(preparedStatementName({ sql: "SELECT '/* prepared: not_at_start */'" })).toBe("");
  });

  it("name marked SQL by the marker and a digest of the text", () => {
    const sql = `${preparedMarker("ledger_post_entry")} SELECT $1::int`;
    const name = preparedStatementName({ sql });
    expect(name).toMatch(/^ledger_post_entry_[0-9a-f]{12}$/);
    expect(preparedStatementName({ sql })).toBe(name);
  });

  it("never give two texts the same name", () => {
    const first = preparedStatementName({ sql: `${preparedMarker("same")} SELECT 1` });
    const second = preparedStatementName({ sql: `${preparedMarker("same")} SELECT 2` });
    expect(first).not.toBe(second);
  });

  it("refuse a marker name that is not a plain identifier", () => {
    expect(() => preparedMarker("x */ DROP TABLE")).toThrow(/Invalid prepared statement name/);
  });
});
