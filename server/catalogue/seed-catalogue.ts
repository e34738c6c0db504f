import type { PrismaClient } from "../db/client";
import { CATALOGUE_PRODUCTS } from "./catalogue-products";

/**
 * Puts the starting catalogue in the database. Safe on every start: products are upserted by slug
 * and prices by product and currency, creating what is missing and leaving existing rows as they
 * are, so a second run changes nothing and a merchant's later price change is never undone.
 */
export async function seedCatalogue(prisma: PrismaClient): Promise<{ products: number; prices: number }> {
  let prices = 0;
  for (const product of CATALOGUE_PRODUCTS) {
    const fields = {
      name: product.name,
      description: product.description,
      imagePath: `/products/${product.slug}.svg`,
      active: true,
    };
    await prisma.$transaction(async (tx) => {
      const { id } = await tx.product.upsert({
        where: { slug: product.slug },
        create: { slug: product.slug, ...fields },
        update: {},
      });
      for (const [currency, amountMinor] of Object.entries(product.prices)) {
        await tx.productPrice.upsert({
          where: { productId_currency: { productId: id, currency } },
          create: { productId: id, currency, amountMinor },
          update: {},
        });
        prices += 1;
      }
    });
  }
  return { products: CATALOGUE_PRODUCTS.length, prices };
}
