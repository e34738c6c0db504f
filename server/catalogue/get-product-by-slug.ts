import { db, type PrismaClient } from "../db/client";
import type { CatalogueProduct } from "./list-active-products";
import type { ShopCurrency } from "./shop-currencies";

/**
 * One active product with its price in the currency, or null when there is no such product or it is
 * not sold in that currency (the page answers 404 either way).
 */
export async function getProductBySlug(
  slug: string,
  currency: ShopCurrency,
  prisma: PrismaClient = db(),
): Promise<CatalogueProduct | null> {
  if (typeof slug !== "string" || !/^[a-z0-9-]{1,100}$/.test(slug)) return null;
  const product = await prisma.product.findFirst({
    where: { slug, active: true },
    include: { prices: { where: { currency } } },
  });
  const price = product?.prices[0];
  if (!product || !price) return null;
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    imagePath: product.imagePath,
    currency,
    unitAmountMinor: price.amountMinor,
  };
}
