import type { Metadata } from "next";
import { CartView } from "@/components/shop/cart-view";
import { priceCartAction } from "../actions";
import { readShopCurrency } from "../shop-currency-cookie";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const shopCurrency = await readShopCurrency();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Your cart</h1>
      <CartView shopCurrency={shopCurrency} priceCart={priceCartAction} />
    </div>
  );
}
