import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { priceRefundLines } from "./price-refund-lines";

const mug = { id: "mug", productName: "Stoneware mug", quantity: 3, lineTotalMinor: 1000, refundedQuantity: 0 };
const pen = { id: "pen", productName: "Brass pen", quantity: 1, lineTotalMinor: 2450, refundedQuantity: 0 };

describe("priceRefundLines", () => {
  it("prices whole lines at their totals", () => {
    const priced = priceRefundLines(
      [mug, pen],
      [
        { orderItemId: "mug", quantity: 3 },
        { orderItemId: "pen", quantity: 1 },
      ],
    );
    expect(priced.amountMinor).toBe(3450);
    expect(priced.lines.map((line) => line.amountMinor)).toEqual([1000, 2450]);
  });

  it("refunding a line unit by unit adds up to exactly its total", () => {
    let refundedQuantity = 0;
    let total = 0;
    for (let unit = 0; unit < 3; unit += 1) {
      total += priceRefundLines([{ ...mug, refundedQuantity }], [{ orderItemId: "mug", quantity: 1 }]).amountMinor;
      refundedQuantity += 1;
    }
    expect(total).toBe(mug.lineTotalMinor);
  });

  it("refuses more units than remain unrefunded", () => {
    expect(() => priceRefundLines([{ ...mug, refundedQuantity: 2 }], [{ orderItemId: "mug", quantity: 2 }])).toThrow(
      /Only 1 of 3/,
    );
  });

  it("refuses lines of another order, repeats and empty selections", () => {
    expect(() => priceRefundLines([mug], [{ orderItemId: "other", quantity: 1 }])).toThrow(AppError);
    expect(() =>
      priceRefundLines(
        [mug],
        [
          { orderItemId: "mug", quantity: 1 },
          { orderItemId: "mug", quantity: 1 },
        ],
      ),
    ).toThrow(/once/);
    expect(() => priceRefundLines([mug], [])).toThrow(/at least one/);
  });
});
