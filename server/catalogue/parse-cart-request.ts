import { z } from "zod";
import { AppError } from "../errors";
import { MAX_CART_LINES, MAX_LINE_QUANTITY, SHOP_CURRENCIES, type ShopCurrency } from "./shop-currencies";

export type CartRequest = { currency: ShopCurrency; lines: Array<{ productId: string; quantity: number }> };

const lineSchema = z.object({
  productId: z.uuid("productId must be a product id"),
  quantity: z
    .number("quantity must be a number")
    .int("quantity must be a whole number")
    .min(1, "quantity must be at least 1")
    .max(MAX_LINE_QUANTITY, `quantity must be at most ${MAX_LINE_QUANTITY}`),
  // A line may say which currency the browser saw it in; it must then be the cart's.
  currency: z.string().optional(),
});

const requestSchema = z.object({
  currency: z.enum(SHOP_CURRENCIES, `currency must be one of ${SHOP_CURRENCIES.join(", ")}`),
  lines: z
    .array(lineSchema, "lines must be a list")
    .max(MAX_CART_LINES, `a cart holds at most ${MAX_CART_LINES} products`),
});

/**
 * Checks the shape of a cart sent by a browser: one shop currency, known-looking product ids,
 * quantities 1..99, each product once. Prices are never read from the request.
 * Throws AppError BAD_REQUEST naming the first problem.
 */
export function parseCartRequest(input: unknown): CartRequest {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new AppError("BAD_REQUEST", `Invalid cart: ${where}${issue.message}`, { path: issue.path });
  }
  const { currency, lines } = parsed.data;
  const seen = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (line.currency !== undefined && line.currency.toUpperCase() !== currency) {
      throw new AppError(
        "BAD_REQUEST",
        `Invalid cart: a cart is priced in one currency, but line ${index} is in ${line.currency} and the cart in ${currency}`,
        { path: ["lines", index, "currency"] },
      );
    }
    if (seen.has(line.productId)) {
      throw new AppError("BAD_REQUEST", `Invalid cart: product ${line.productId} appears on more than one line`, {
        path: ["lines", index, "productId"],
      });
    }
    seen.add(line.productId);
  }
  return { currency, lines: lines.map(({ productId, quantity }) => ({ productId, quantity })) };
}
