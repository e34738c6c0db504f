import type { ShopCurrency } from "./shop-currencies";

export type SeedProduct = {
  slug: string;
  name: string;
  description: string;
  /** Minor units per currency: cents for USD and EUR, whole yen for JPY (a zero-decimal currency). */
  prices: Record<ShopCurrency, number>;
};

/** The shop's starting catalogue; images live at public/products/<slug>.svg. */
export const CATALOGUE_PRODUCTS: readonly SeedProduct[] = [
  {
    slug: "ceramic-pour-over",
    name: "Ceramic Pour-Over Dripper",
    description: "A glazed stoneware dripper with spiral ribs for an even, unhurried extraction. Fits most mugs.",
    prices: { USD: 3400, EUR: 3200, JPY: 4800 },
  },
  {
    slug: "stoneware-mug",
    name: "Stoneware Mug",
    description: "A 350 ml mug thrown in speckled clay, with a thumb-friendly handle and a satin glaze.",
    prices: { USD: 2200, EUR: 2000, JPY: 2900 },
  },
  {
    slug: "linen-tea-towel",
    name: "Linen Tea Towel",
    description: "Stonewashed European linen that dries glassware without lint and softens with every wash.",
    prices: { USD: 1800, EUR: 1600, JPY: 2400 },
  },
  {
    slug: "dot-grid-notebook",
    name: "Dot Grid Notebook",
    description: "A5, 192 numbered pages of 100 gsm paper that takes fountain pen ink without bleeding.",
    prices: { USD: 1600, EUR: 1500, JPY: 2200 },
  },
  {
    slug: "brass-pen",
    name: "Brass Rollerball Pen",
    description: "Machined from solid brass and weighted for long letters. Develops a warm patina over time.",
    prices: { USD: 4500, EUR: 4200, JPY: 6500 },
  },
  {
    slug: "canvas-tote",
    name: "Waxed Canvas Tote",
    description: "Water-resistant waxed cotton with leather handles and an inside pocket for keys.",
    prices: { USD: 5800, EUR: 5400, JPY: 8200 },
  },
  {
    slug: "cedar-candle",
    name: "Cedar Soy Candle",
    description: "Hand-poured soy wax with cedarwood and bergamot, about 50 hours of clean burn.",
    prices: { USD: 2800, EUR: 2600, JPY: 3900 },
  },
  {
    slug: "glass-carafe",
    name: "Glass Water Carafe",
    description: "One litre of mouth-blown borosilicate glass with a tumbler that doubles as a lid.",
    prices: { USD: 3200, EUR: 2900, JPY: 4500 },
  },
  {
    slug: "merino-throw",
    name: "Merino Wool Throw",
    description: "A generous 130 × 180 cm throw woven from fine merino, warm without the weight.",
    prices: { USD: 12800, EUR: 11900, JPY: 18500 },
  },
  {
    slug: "terracotta-planter",
    name: "Terracotta Planter",
    description: "Unglazed terracotta that lets roots breathe, with a matching saucer to catch the drips.",
    prices: { USD: 2600, EUR: 2400, JPY: 3600 },
  },
  {
    slug: "cast-iron-teapot",
    name: "Cast Iron Teapot",
    description: "A 600 ml tetsubin-style pot with an enamelled interior and a stainless steel infuser.",
    prices: { USD: 7400, EUR: 6900, JPY: 9800 },
  },
  {
    slug: "walnut-serving-board",
    name: "Walnut Serving Board",
    description: "End-grain American walnut, oiled by hand, for bread, cheese and everything in between.",
    prices: { USD: 4900, EUR: 4500, JPY: 6900 },
  },
  {
    slug: "enamel-bowl",
    name: "Enamel Camp Bowl",
    description: "Steel with a chip-resistant enamel coat and a navy rim, at home on a trail or a breakfast table.",
    prices: { USD: 1400, EUR: 1300, JPY: 1900 },
  },
];
