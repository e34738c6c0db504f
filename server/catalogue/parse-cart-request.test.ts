import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { parseCartRequest } from "./parse-cart-request";

function reasonFor(input: unknown): string {
  try {
    parseCartRequest(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    return (error as AppError).message;
  }
  throw new Error("expected the cart to be refused");
}

describe("parseCartRequest", () => {
  const productId = randomUUID();

  it("accepts a cart in a shop currency and drops anything but ids and quantities", () => {
    const cart = parseCartRequest({
      currency: "JPY",
      lines: [{ productId, quantity: 3, currency: "JPY", unitAmountMinor: 1 }],
    });
    expect(cart).toEqual({ currency: "JPY", lines: [{ productId, quantity: 3 }] });
  });

  it("accepts an empty cart", () => {
    expect(parseCartRequest({ currency: "USD", lines: [] }).lines).toEqual([]);
  });

  it("refuses quantities outside 1..99 with the reason", () => {
    expect(reasonFor({ currency: "USD", lines: [{ productId, quantity: 0 }] })).toMatch(/at least 1/);
    expect(reasonFor({ currency: "USD", lines: [{ productId, quantity: 100 }] })).toMatch(/at most 99/);
    expect(reasonFor({ currency: "USD", lines: [{ productId, quantity: 1.5 }] })).toMatch(/whole number/);
    expect(reasonFor({ currency: "USD", lines: [{ productId, quantity: "2" }] })).toMatch(/quantity/);
  });

  it("refuses currencies the shop does not sell in", () => {
    expect(reasonFor({ currency: "GBP", lines: [] })).toMatch(/currency must be one of USD, EUR, JPY/);
  });

  it("refuses a line in another currency than the cart", () => {
    expect(reasonFor({ currency: "USD", lines: [{ productId, quantity: 1, currency: "EUR" }] })).toMatch(
      /one currency/,
    );
  });

  it("refuses malformed ids, repeated products and oversized carts", () => {
    expect(reasonFor({ currency: "USD", lines: [{ productId: "1 OR 1=1", quantity: 1 }] })).toMatch(/product id/);
    expect(
      reasonFor({
        currency: "USD",
        lines: [
          { productId, quantity: 1 },
          { productId, quantity: 2 },
        ],
      }),
    ).toMatch(/more than one line/);
    const many = Array.from({ length: 51 }, () => ({ productId: randomUUID(), quantity: 1 }));
    expect(reasonFor({ currency: "USD", lines: many })).toMatch(/at most 50/);
    expect(reasonFor(null)).toMatch(/Invalid cart/);
  });
});
