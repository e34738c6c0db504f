import type { ReactNode } from "react";
import { ShopHeader } from "@/components/shop/shop-header";
import { SkipLink } from "@/components/ui/skip-link";
import { setShopCurrencyAction } from "./actions";
import { readShopCurrency } from "./shop-currency-cookie";

export default async function ShopLayout({ children }: { children: ReactNode }) {
  const currency = await readShopCurrency();
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <ShopHeader currency={currency} setCurrency={setShopCurrencyAction} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6">
        {children}
      </main>
      <footer className="border-t border-stone-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-stone-700 sm:px-6">
          PayOps Store · Everyday goods, made to last.
        </div>
      </footer>
    </div>
  );
}
