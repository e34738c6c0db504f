import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/client";
import { seedOrderMoney } from "./seed-order-money";

export type SeedOrdersOptions = {
  count: number;
  /** Give every order this customer (created when missing); otherwise one customer per ~5 orders. */
  customerEmail?: string;
  /** Orders are spread over this many days before now. */
  daysBack?: number;
  /** Also the money behind them: refunds, disputes, the ledger's journal entries and the Stripe events (seed-order-money.ts). */
  money?: boolean;
};

const MONEY_TABLES =
  ", refunds, disputes, ledger_transactions, ledger_lines, payment_daily_totals, ledger_account_daily_totals, stripe_events";

// Status, its share of orders, and the PaymentIntent state that goes with it: 92 in 100 orders are
// paid, as in a store whose abandoned checkouts expire, so a million orders carry about five
// million journal lines (capture and funds available, then refunds and disputes).
const STATUS_MIX = `(VALUES
  ('paid', 0.77, 'succeeded', 1.0, 0.0, NULL),
  ('partially_refunded', 0.06, 'succeeded', 1.0, 0.33, NULL),
  ('refunded', 0.06, 'succeeded', 1.0, 1.0, NULL),
  ('disputed', 0.03, 'succeeded', 1.0, 0.0, NULL),
  ('in_review', 0.02, 'requires_capture', 0.0, 0.0, NULL),
  ('payment_failed', 0.03, 'requires_payment_method', 0.0, 0.0, 'Your card was declined.'),
  ('canceled', 0.02, 'canceled', 0.0, 0.0, NULL),
  ('pending_payment', 0.01, 'requires_payment_method', 0.0, 0.0, NULL)
) AS mix(status, share, payment_status, captured_share, refunded_share, payment_error)`;

/**
 * Generates orders with items, a payment and status history in a few set-based statements
 * (generate_series), so 100,000 orders take seconds. For development, benchmarks and tests only.
 */
export async function seedOrders(prisma: PrismaClient, options: SeedOrdersOptions): Promise<{ orders: number }> {
  const count = Math.max(0, Math.floor(options.count));
  if (count === 0) return { orders: 0 };
  const daysBack = options.daysBack ?? 90;
  const batch = randomBytes(4).toString("hex");
  let created = 0;
  await prisma.$transaction(
    async (tx) => {
      const products = await tx.product.findMany({ where: { active: true }, select: { id: true }, take: 1 });
      if (products.length === 0) {
        await tx.product.upsert({
          where: { slug: "seeded-sample-item" },
          update: {},
          create: {
            slug: "seeded-sample-item",
            name: "Sample item",
            description: "Seeded",
            imagePath: "",
            active: false,
          },
        });
      }
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE seed_customers (n int, id uuid) ON COMMIT DROP`);
      if (options.customerEmail) {
        await tx.$executeRaw`
          INSERT INTO customers (id, email, name) VALUES (gen_random_uuid(), ${options.customerEmail.toLowerCase()}, 'Seeded customer')
          ON CONFLICT (email) DO NOTHING`;
        await tx.$executeRaw`
          INSERT INTO seed_customers SELECT 0, id FROM customers WHERE email = ${options.customerEmail.toLowerCase()}`;
      } else {
        await tx.$executeRaw`
          WITH made AS (
            INSERT INTO customers (id, email, name, created_at)
            SELECT gen_random_uuid(), 'customer-' || ${batch} || '-' || n || '@example.test', 'Customer ' || n,
                   now() - random() * make_interval(days => ${daysBack})
            FROM generate_series(0, greatest(${count} / 5, 1) - 1) n
            RETURNING id, email)
          INSERT INTO seed_customers SELECT split_part(split_part(email, '@', 1), '-', 3)::int, id FROM made`;
      }
      await tx.$executeRawUnsafe(`
        CREATE TEMP TABLE seed_orders ON COMMIT DROP AS
        WITH product AS (SELECT id, name FROM products ORDER BY active DESC, created_at LIMIT 1),
        customers_count AS (SELECT count(*)::int AS n FROM seed_customers),
        mix AS (SELECT *, sum(share) OVER (ORDER BY status) - share AS lower_bound FROM ${STATUS_MIX}),
        draws AS (
          SELECT n, random() AS status_draw, random() AS currency_draw, 1 + floor(random() * 3)::int AS quantity,
                 now() - random() * make_interval(days => ${daysBack}) AS created_at,
                 500 + floor(random() * 40000)::int AS unit_minor
          FROM generate_series(1, ${count}) n)
        SELECT gen_random_uuid() AS id, gen_random_uuid() AS payment_id, d.n, d.created_at, d.quantity, d.unit_minor, picked.status,
               picked.payment_status, picked.captured_share, picked.refunded_share, picked.payment_error,
               CASE WHEN d.currency_draw < 0.6 THEN 'USD' WHEN d.currency_draw < 0.85 THEN 'EUR'
                    WHEN d.currency_draw < 0.95 THEN 'GBP' ELSE 'JPY' END AS currency,
               c.id AS customer_id, product.id AS product_id, product.name AS product_name
        FROM draws d
        CROSS JOIN customers_count cc
        JOIN seed_customers c ON c.n = d.n % cc.n
        CROSS JOIN LATERAL (
          SELECT * FROM mix WHERE mix.lower_bound <= d.status_draw ORDER BY mix.lower_bound DESC LIMIT 1
        ) picked
        CROSS JOIN product`);
      created = await tx.$executeRawUnsafe(`
        INSERT INTO orders (id, public_token, customer_id, status, currency, subtotal_minor, total_minor,
                            shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country,
                            created_at, updated_at)
        SELECT id, 'seed_' || replace(id::text, '-', ''), customer_id, status, currency,
               unit_minor * quantity, unit_minor * quantity, 'Seeded customer', n || ' Market Street', 'Springfield',
               '12345', 'US', created_at, created_at
        FROM seed_orders`);
      await tx.$executeRawUnsafe(`
        INSERT INTO order_items (id, order_id, product_id, product_name, quantity, currency, unit_price_minor, line_total_minor)
        SELECT gen_random_uuid(), id, product_id, product_name, quantity, currency, unit_minor, unit_minor * quantity
        FROM seed_orders`);
      await tx.$executeRawUnsafe(`
        INSERT INTO payments (id, order_id, stripe_payment_intent_id, status, currency, amount_minor,
                              amount_captured_minor, amount_refunded_minor, capture_method, last_payment_error,
                              latest_charge_id, created_at, updated_at)
        SELECT payment_id, id, 'pi_seed_' || replace(id::text, '-', ''), payment_status, currency,
               unit_minor * quantity, floor(unit_minor * quantity * captured_share)::int,
               floor(unit_minor * quantity * refunded_share)::int,
               CASE WHEN status = 'in_review' THEN 'manual' ELSE 'automatic' END, payment_error,
               CASE WHEN captured_share > 0 THEN 'ch_seed_' || replace(id::text, '-', '') END, created_at, created_at
        FROM seed_orders`);
      await tx.$executeRawUnsafe(`
        INSERT INTO order_status_history (id, order_id, from_status, to_status, cause, created_at)
        SELECT gen_random_uuid(), id, NULL, 'pending_payment', 'seed', created_at FROM seed_orders
        UNION ALL
        SELECT gen_random_uuid(), id, 'pending_payment', status, 'seed', created_at + interval '2 seconds'
        FROM seed_orders WHERE status <> 'pending_payment'`);
      if (options.money) await seedOrderMoney(tx);
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
  await prisma.$executeRawUnsafe(
    `ANALYZE customers, orders, order_items, payments, order_status_history${options.money ? MONEY_TABLES : ""}`,
  );
  return { orders: created };
}
