import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCart } from "@/components/shop/add-to-cart";
import { getProductBySlug } from "@/server/catalogue/get-product-by-slug";
import { formatMoney } from "@/server/money";
import { setShopCurrencyAction } from "../../actions";
import { readShopCurrency } from "../../shop-currency-cookie";

type Params = { params: Promise<{ slug: string }> };

// The metadata and the page ask for the same product; one query per request serves both.
const loadProduct = cache(getProductBySlug);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const product = await loadProduct((await params).slug, await readShopCurrency());
  return { title: product?.name ?? "Product not found" };
}

export default async function ProductPage({ params }: Params) {
  const currency = await readShopCurrency();
  const product = await loadProduct((await params).slug, currency);
  if (!product) notFound();

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb">
        <Link href="/" className="rounded text-sm font-medium text-stone-700 hover:text-stone-900 hover:underline">
          <span aria-hidden="true">← </span>All products
        </Link>
      </nav>
      <article className="grid gap-8 md:grid-cols-2 md:gap-12">
        <Image
          src={product.imagePath}
          alt={`Illustration of the ${product.name.toLowerCase()}`}
          width={400}
          height={400}
          unoptimized
          preload
          className="aspect-square w-full rounded-2xl border border-stone-200"
        />
        <div className="flex flex-col gap-5">
          <div className="flex flex-col gap-2">
            <h1 className="text-3xl font-semibold tracking-tight text-stone-900">{product.name}</h1>
            <p className="text-2xl font-medium text-stone-900 tabular-nums" data-testid="product-price">
              {formatMoney(product.unitAmountMinor, product.currency)}
            </p>
          </div>
          <p className="leading-relaxed text-stone-700">{product.description}</p>
          <AddToCart
            productId={product.id}
            productName={product.name}
            currency={product.currency}
            switchCurrency={setShopCurrencyAction}
          />
        </div>
      </article>
    </div>
  );
}
