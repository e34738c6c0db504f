import Link from "next/link";
import type { ShopCurrency } from "@/server/catalogue/shop-currencies";
import { CartLink } from "./cart-link";
import { CurrencySwitcher } from "./currency-switcher";

export function ShopHeader({
  currency,
  setCurrency,
}: {
  currency: ShopCurrency;
  setCurrency: (form: FormData) => Promise<void>;
}) {
  return (
    <header className="sticky top-0 z-40 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-2 gap-y-2 px-4 py-3 sm:gap-x-4 sm:px-6">
        <Link
          href="/"
          className="flex items-center gap-2 rounded-lg text-lg font-semibold tracking-tight text-stone-900"
        >
          <span
            aria-hidden="true"
            className="inline-block h-7 w-7 rounded-md bg-emerald-800 text-center leading-7 text-white"
          >
            P
          </span>
          {/* One row on a phone: the header stays sticky, so every pixel it takes is lost to the page. */}
          <span>
            PayOps<span className="sr-only sm:not-sr-only"> Store</span>
          </span>
        </Link>
        <nav aria-label="Shop" className="flex items-center gap-1 sm:gap-2">
          <CurrencySwitcher current={currency} action={setCurrency} />
          <CartLink />
        </nav>
      </div>
    </header>
  );
}
