/** Currencies the shop sells in; every catalogue product has a price in each. */
export const SHOP_CURRENCIES = ["USD", "EUR", "JPY"] as const;

export type ShopCurrency = (typeof SHOP_CURRENCIES)[number];

export const DEFAULT_SHOP_CURRENCY: ShopCurrency = "USD";

export function isShopCurrency(value: unknown): value is ShopCurrency {
  return typeof value === "string" && (SHOP_CURRENCIES as readonly string[]).includes(value);
}

/** The shop currency a visitor asked for (a cookie, a query value), or the default when it is not one we sell in. */
export function shopCurrencyOrDefault(value: unknown): ShopCurrency {
  return isShopCurrency(value) ? value : DEFAULT_SHOP_CURRENCY;
}

/** Largest quantity of one product in one cart line; more is a wholesale order, not a shop cart. */
export const MAX_LINE_QUANTITY = 99;

/** Most distinct products one cart may hold. */
export const MAX_CART_LINES = 50;
