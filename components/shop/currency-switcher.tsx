import { SHOP_CURRENCIES, type ShopCurrency } from "@/server/catalogue/shop-currencies";

const LABELS: Record<ShopCurrency, string> = { USD: "US dollars", EUR: "Euros", JPY: "Japanese yen" };

/**
 * Three submit buttons in a form, so switching works before (or without) JavaScript; the server
 * action stores the choice in a cookie and the page re-renders in the new currency.
 */
export function CurrencySwitcher({
  current,
  action,
}: {
  current: ShopCurrency;
  action: (form: FormData) => Promise<void>;
}) {
  return (
    <form action={action} aria-label="Shop currency">
      <fieldset className="flex items-center rounded-lg border border-stone-300 bg-white p-0.5">
        <legend className="sr-only">Prices in</legend>
        {SHOP_CURRENCIES.map((currency) => {
          const selected = currency === current;
          return (
            <button
              key={currency}
              type="submit"
              name="currency"
              value={currency}
              aria-pressed={selected}
              title={LABELS[currency]}
              className={`h-9 min-w-11 rounded-md px-2 text-sm font-medium ${
                selected ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-100 hover:text-stone-900"
              }`}
            >
              <span className="sr-only">Prices in {LABELS[currency]}: </span>
              {currency}
            </button>
          );
        })}
      </fieldset>
    </form>
  );
}
