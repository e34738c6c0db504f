import { ProductCard } from "@/components/shop/product-card";
import { listActiveProducts } from "@/server/catalogue/list-active-products";
import { readShopCurrency } from "./shop-currency-cookie";

export default async function CataloguePage() {
  const currency = await readShopCurrency();
  const products = await listActiveProducts(currency);
  return (
    <div className="flex flex-col gap-8">
      <section className="flex flex-col gap-2">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">Everyday goods, made well</h1>
        <p className="max-w-2xl text-stone-700">
          Small-batch pieces for the kitchen, the desk and the home. Prices shown in {currency}.
        </p>
      </section>
      {products.length === 0 ? (
        <p className="text-stone-700">Nothing is for sale in {currency} right now.</p>
      ) : (
        <ul aria-label="Products" className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-6 lg:grid-cols-4">
          {products.map((product, index) => (
            <ProductCard key={product.id} product={product} aboveTheFold={index < 4} />
          ))}
        </ul>
      )}
    </div>
  );
}
