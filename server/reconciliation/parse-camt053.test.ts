import { describe, expect, it } from "vitest";
import { parseCamt053 } from "./parse-camt053";
import { CAMT053 } from "./testing/camt053-sample";

describe("ISO 20022 camt.053 statements", () => {
  it("reads booked entries as signed minor units with their references, skipping pending ones", () => {
    expect(parseCamt053(CAMT053)).toEqual([
      {
        bookingDate: "2026-11-03",
        amountMinor: 123_450,
        currency: "EUR",
        reference: "TRACE0000000001 STRIPE PAYOUT po_1abc",
        description: "STRIPE PAYMENTS EUROPE & CO",
        bankReference: "BANKREF-0001",
      },
      {
        bookingDate: "2026-11-03",
        amountMinor: -1500,
        currency: "EUR",
        reference: null,
        description: "Account fee",
        bankReference: null,
      },
    ]);
  });

  it("keeps amounts exact (never through a float) and reads the older plain-text status", () => {
    const xml = CAMT053.replace("1234.50", "90071992547409.91").replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts>BOOK</Sts>");
    expect(parseCamt053(xml)[0]!.amountMinor).toBe(9_007_199_254_740_991);
  });

  it("refuses broken XML, another document and an entry without a direction, saying which", () => {
    expect(() => parseCamt053("<Document><BkToCstmrStmt>")).toThrow(/not well-formed XML/);
    expect(() => parseCamt053("<Document><Other/></Document>")).toThrow(/not a camt.053 statement/);
    expect(() => parseCamt053(CAMT053.replace("<CdtDbtInd>DBIT</CdtDbtInd>", ""))).toThrow(
      /Statement 1, entry 2: .*CdtDbtInd/,
    );
  });
});
