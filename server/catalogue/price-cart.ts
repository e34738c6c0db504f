import { db, type PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { parseCartRequest } from "./parse-cart-request";
import type { ShopCurrency } from "./shop-currencies";

export type PricedCartLine = {
  productId: string;
  slug: string;
  name: string;
  imagePath: string;
  quantity: number;
  unitAmountMinor: number;
  lineTotalMinor: number;
};

export type PricedCart = {
  currency: ShopCurrency;
  lines: PricedCartLine[];
  itemCount: number;
  subtotalMinor: number;
};

/**
 * Prices a cart from the database: the browser sends product ids and quantities, every amount here
 * is read from the catalogue. Throws AppError BAD_REQUEST for a malformed cart, and for products
 * that are unknown, no longer sold, or not sold in the cart's currency (their ids are in
 * `details.unavailableProductIds`, so the shop can take them out of the cart).
 */
export async function priceCart(input: unknown, prisma: PrismaClient = db()): Promise<PricedCart> {
  const { currency, lines } = parseCartRequest(input);
  const products = await prisma.product.findMany({
    where: { id: { in: lines.map((line) => line.productId) }, active: true },
    include: { prices: { where: { currency } } },
  });
  const byId = new Map(products.map((product) => [product.id, product]));

  const unavailableProductIds = lines
    .map((line) => line.productId)
    .filter((productId) => (byId.get(productId)?.prices.length ?? 0) === 0);
  if (unavailableProductIds.length > 0) {
    const known = unavailableProductIds.filter((productId) => byId.has(productId));
    const reason =
      known.length === unavailableProductIds.length
        ? `not sold in ${currency}`
        : "not in the catalogue or no longer sold";
    throw new AppError("BAD_REQUEST", `Invalid cart: ${unavailableProductIds.length} product(s) ${reason}`, {
      unavailableProductIds,
    });
  }

  const pricedLines = lines.map((line): PricedCartLine => {
    const product = byId.get(line.productId)!;
    const unitAmountMinor = product.prices[0]!.amountMinor;
    return {
      productId: product.id,
      slug: product.slug,
      name: product.name,
      imagePath: product.imagePath,
      quantity: line.quantity,
      unitAmountMinor,
      lineTotalMinor: unitAmountMinor * line.quantity,
    };
  });
  // Quantities are at most 99 and prices are 32-bit, so every sum here is a safe integer.
  return {
    currency,
    lines: pricedLines,
    itemCount: pricedLines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalMinor: pricedLines.reduce((sum, line) => sum + line.lineTotalMinor, 0),
  };
}
