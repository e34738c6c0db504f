import { db, type PrismaClient } from "../db/client";
import type { ShopCurrency } from "./shop-currencies";

export type CatalogueProduct = {
  id: string;
  slug: string;
  name: string;
  description: string;
  imagePath: string;
  currency: ShopCurrency;
  unitAmountMinor: number;
};

/** Active products that have a price in the currency, in name order; a product without one is not for sale there. */
export async function listActiveProducts(
  currency: ShopCurrency,
  prisma: PrismaClient = db(),
): Promise<CatalogueProduct[]> {
  const products = await prisma.product.findMany({
    where: { active: true, prices: { some: { currency } } },
    include: { prices: { where: { currency } } },
    orderBy: { name: "asc" },
  });
  return products.map(({ prices, ...product }) => ({
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    imagePath: product.imagePath,
    currency,
    unitAmountMinor: prices[0]!.amountMinor,
  }));
}
