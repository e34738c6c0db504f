import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { AppError } from "../errors";
import { CATALOGUE_PRODUCTS } from "./catalogue-products";
import { getProductBySlug } from "./get-product-by-slug";
import { listActiveProducts } from "./list-active-products";
import { priceCart } from "./price-cart";
import { seedCatalogue } from "./seed-catalogue";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedCatalogue(database.prisma);
});

afterAll(async () => {
  await database?.drop();
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("BAD_REQUEST");
  return error as AppError;
}

async function idOf(slug: string): Promise<string> {
  const product = await database.prisma.product.findUniqueOrThrow({ where: { slug } });
  return product.id;
}

describe("seedCatalogue", () => {
  it("is idempotent: a second run adds and changes nothing", async () => {
    const before = await database.prisma.productPrice.findMany({ orderBy: { id: "asc" } });
    const result = await seedCatalogue(database.prisma);
    const after = await database.prisma.productPrice.findMany({ orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    expect(await database.prisma.product.count()).toBe(CATALOGUE_PRODUCTS.length);
    expect(result).toEqual({ products: CATALOGUE_PRODUCTS.length, prices: CATALOGUE_PRODUCTS.length * 3 });
  });

  it("keeps a price the merchant changed and restores a price that was deleted", async () => {
    const prisma = database.prisma;
    const board = await prisma.product.findUniqueOrThrow({ where: { slug: "walnut-serving-board" } });
    await prisma.productPrice.update({
      where: { productId_currency: { productId: board.id, currency: "USD" } },
      data: { amountMinor: 5200 },
    });
    await prisma.productPrice.delete({ where: { productId_currency: { productId: board.id, currency: "JPY" } } });
    await seedCatalogue(prisma);
    const prices = await prisma.productPrice.findMany({ where: { productId: board.id }, orderBy: { currency: "asc" } });
    expect(prices.map((price) => [price.currency, price.amountMinor])).toEqual([
      ["EUR", 4500],
      ["JPY", 6900],
      ["USD", 5200],
    ]);
  });
});

describe("catalogue queries", () => {
  it("lists every active product with its price in the currency", async () => {
    const yen = await listActiveProducts("JPY", database.prisma);
    expect(yen).toHaveLength(CATALOGUE_PRODUCTS.length);
    const pourOver = yen.find((product) => product.slug === "ceramic-pour-over");
    expect(pourOver).toMatchObject({
      currency: "JPY",
      unitAmountMinor: 4800,
      imagePath: "/products/ceramic-pour-over.svg",
    });
  });

  it("leaves out inactive products and products not priced in the currency", async () => {
    const prisma = database.prisma;
    const hidden = await prisma.product.create({
      data: { slug: "retired-kettle", name: "Retired Kettle", description: "-", imagePath: "/x.svg", active: false },
    });
    await prisma.productPrice.create({ data: { productId: hidden.id, currency: "USD", amountMinor: 100 } });
    const euroOnly = await prisma.product.create({
      data: { slug: "euro-only-vase", name: "Euro Vase", description: "-", imagePath: "/x.svg" },
    });
    await prisma.productPrice.create({ data: { productId: euroOnly.id, currency: "EUR", amountMinor: 900 } });

    const dollars = (await listActiveProducts("USD", prisma)).map((product) => product.slug);
    expect(dollars).not.toContain("retired-kettle");
    expect(dollars).not.toContain("euro-only-vase");
    expect((await listActiveProducts("EUR", prisma)).map((product) => product.slug)).toContain("euro-only-vase");

    expect(await getProductBySlug("retired-kettle", "USD", prisma)).toBeNull();
    expect(await getProductBySlug("euro-only-vase", "USD", prisma)).toBeNull();
    expect(await getProductBySlug("euro-only-vase", "EUR", prisma)).toMatchObject({ unitAmountMinor: 900 });

    await refusal(priceCart({ currency: "USD", lines: [{ productId: hidden.id, quantity: 1 }] }, prisma));
    const notSold = await refusal(
      priceCart({ currency: "USD", lines: [{ productId: euroOnly.id, quantity: 1 }] }, prisma),
    );
    expect(notSold.message).toMatch(/not sold in USD/);
  });

  it("finds a product by slug and answers null for unknown or malformed slugs", async () => {
    expect(await getProductBySlug("brass-pen", "EUR", database.prisma)).toMatchObject({
      name: "Brass Rollerball Pen",
      unitAmountMinor: 4200,
    });
    expect(await getProductBySlug("no-such-thing", "EUR", database.prisma)).toBeNull();
    expect(await getProductBySlug("../etc/passwd", "EUR", database.prisma)).toBeNull();
  });
});

describe("priceCart", () => {
  it("prices lines from the database and totals them", async () => {
    const mug = await idOf("stoneware-mug");
    const pen = await idOf("brass-pen");
    const cart = await priceCart(
      {
        currency: "USD",
        lines: [
          { productId: mug, quantity: 2 },
          { productId: pen, quantity: 1 },
        ],
      },
      database.prisma,
    );
    expect(cart.currency).toBe("USD");
    expect(cart.lines.map((line) => [line.slug, line.unitAmountMinor, line.lineTotalMinor])).toEqual([
      ["stoneware-mug", 2200, 4400],
      ["brass-pen", 4500, 4500],
    ]);
    expect(cart.itemCount).toBe(3);
    expect(cart.subtotalMinor).toBe(8900);
  });

  it("prices yen carts in whole yen", async () => {
    const cart = await priceCart(
      { currency: "JPY", lines: [{ productId: await idOf("ceramic-pour-over"), quantity: 3 }] },
      database.prisma,
    );
    expect(cart.subtotalMinor).toBe(14_400);
  });

  it("ignores prices the browser sends", async () => {
    const mug = await idOf("stoneware-mug");
    const cart = await priceCart(
      { currency: "EUR", lines: [{ productId: mug, quantity: 1, unitAmountMinor: 1, lineTotalMinor: 1 }] },
      database.prisma,
    );
    expect(cart.subtotalMinor).toBe(2000);
  });

  it("refuses unknown products and says which", async () => {
    const unknown = randomUUID();
    const error = await refusal(
      priceCart(
        {
          currency: "USD",
          lines: [
            { productId: await idOf("stoneware-mug"), quantity: 1 },
            { productId: unknown, quantity: 1 },
          ],
        },
        database.prisma,
      ),
    );
    expect(error.message).toMatch(/not in the catalogue/);
    expect(error.details).toEqual({ unavailableProductIds: [unknown] });
  });

  it("refuses bad quantities and mixed currencies", async () => {
    const mug = await idOf("stoneware-mug");
    await refusal(priceCart({ currency: "USD", lines: [{ productId: mug, quantity: 0 }] }, database.prisma));
    await refusal(priceCart({ currency: "USD", lines: [{ productId: mug, quantity: 100 }] }, database.prisma));
    const mixed = await refusal(
      priceCart({ currency: "USD", lines: [{ productId: mug, quantity: 1, currency: "JPY" }] }, database.prisma),
    );
    expect(mixed.message).toMatch(/one currency/);
  });
});
