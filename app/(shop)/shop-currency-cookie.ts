import { cookies } from "next/headers";
import { type ShopCurrency, shopCurrencyOrDefault } from "@/server/catalogue/shop-currencies";

export const SHOP_CURRENCY_COOKIE = "shop_currency";

/** The currency this visitor shops in (a cookie set by the switcher), USD until they choose. */
export async function readShopCurrency(): Promise<ShopCurrency> {
  const store = await cookies();
  return shopCurrencyOrDefault(store.get(SHOP_CURRENCY_COOKIE)?.value);
}
