import Image from "next/image";
import Link from "next/link";
import type { CatalogueProduct } from "@/server/catalogue/list-active-products";
import { formatMoney } from "@/server/money";

/** `aboveTheFold` loads the image at once: the first row of the grid is what a visitor sees first. */
export function ProductCard({ product, aboveTheFold = false }: { product: CatalogueProduct; aboveTheFold?: boolean }) {
  return (
    <li className="group relative flex flex-col rounded-xl border border-stone-200 bg-white shadow-sm transition-shadow hover:shadow-md">
      <Image
        src={product.imagePath}
        alt=""
        width={400}
        height={400}
        unoptimized
        loading={aboveTheFold ? "eager" : "lazy"}
        className="aspect-square w-full rounded-t-xl object-cover"
      />
      <div className="flex flex-1 flex-col gap-1 p-3 sm:p-4">
        <h2 className="text-sm font-medium text-stone-900 sm:text-base">
          {/* The link covers the whole card, so the card is one tab stop with the product's name as its label;
              the card must not clip overflow, or the focus ring drawn around it would be cut off. */}
          <Link
            href={`/products/${product.slug}`}
            className="after:absolute after:inset-0 after:rounded-xl focus-visible:[outline:none] focus-visible:after:[outline:2px_solid_var(--color-emerald-700)] focus-visible:after:[outline-offset:2px]"
          >
            {product.name}
          </Link>
        </h2>
        <p className="mt-auto text-sm font-semibold text-stone-800 tabular-nums" data-testid="product-price">
          {formatMoney(product.unitAmountMinor, product.currency)}
        </p>
      </div>
    </li>
  );
}
