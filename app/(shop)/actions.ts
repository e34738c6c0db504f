"use server";

import { cookies } from "next/headers";
import { type PricedCart, priceCart } from "@/server/catalogue/price-cart";
import { isShopCurrency } from "@/server/catalogue/shop-currencies";
import { isAppError } from "@/server/errors";
import { logger } from "@/server/observability/logger";
import { SHOP_CURRENCY_COOKIE } from "./shop-currency-cookie";

export type PriceCartResult =
  | { ok: true; cart: PricedCart }
  | { ok: false; message: string; unavailableProductIds: string[] };

/** Prices the browser's cart (ids and quantities only) from the catalogue. */
export async function priceCartAction(input: unknown): Promise<PriceCartResult> {
  try {
    return { ok: true, cart: await priceCart(input) };
  } catch (error) {
    if (isAppError(error)) {
      const ids = error.details?.unavailableProductIds;
      return {
        ok: false,
        message: error.message,
        unavailableProductIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [],
      };
    }
    logger.error({ err: error }, "pricing a cart failed");
    return { ok: false, message: "Prices could not be loaded just now. Please try again.", unavailableProductIds: [] };
  }
}

/** Sets the shop currency from the switcher's form; unknown values are ignored. */
export async function setShopCurrencyAction(form: FormData): Promise<void> {
  const currency = form.get("currency");
  if (!isShopCurrency(currency)) return;
  const store = await cookies();
  store.set(SHOP_CURRENCY_COOKIE, currency, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
}
