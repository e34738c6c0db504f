import { decodeCursor, encodeCursor } from "../back-office/keyset-cursor";
import { Prisma, type PrismaClient } from "../db/client";
import { toMinorUnits } from "../money";
import type { OrderListQuery, OrderSort } from "./order-list-query";

export type OrderListRow = {
  id: string;
  createdAt: Date;
  status: string;
  currency: string;
  totalMinor: number;
  customerEmail: string;
  paymentStatus: string | null;
  capturedMinor: number;
  refundedMinor: number;
  paymentAttempts: number;
};

const SORT_COLUMNS: Record<OrderSort, Prisma.Sql> = {
  created_at: Prisma.raw("o.created_at"),
  total: Prisma.raw("o.total_minor"),
  status: Prisma.raw("o.status"),
};

const DAY_MS = 86_400_000;

function sortValueOf(row: { createdAt: Date; totalMinor: number; status: string }, sort: OrderSort) {
  if (sort === "created_at") return row.createdAt.toISOString();
  return sort === "total" ? row.totalMinor : row.status;
}

function keysetCondition(query: OrderListQuery, column: Prisma.Sql): Prisma.Sql | null {
  if (!query.cursor) return null;
  const kind = query.sort === "created_at" ? "timestamp" : query.sort === "total" ? "integer" : "text";
  const { value, id } = decodeCursor(query.cursor, kind);
  const typed =
    query.sort === "created_at"
      ? Prisma.sql`${new Date(String(value))}::timestamptz`
      : query.sort === "total"
        ? Prisma.sql`${value}::int`
        : Prisma.sql`${value}::text`;
  const operator = Prisma.raw(query.direction === "desc" ? "<" : ">");
  return Prisma.sql`(${column}, o.id) ${operator} (${typed}, ${id}::uuid)`;
}

/** Above this many matching customers the email filter stays a subquery, where it is selective enough. */
const CUSTOMER_ID_LIST_LIMIT = 1_000;

function emailPrefixPattern(email: string): string {
  return `${email.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The lookup below; an index on lower(email) (customers_email_lower_prefix_idx) answers it. */
export function customersMatchingQuery(email: string): Prisma.Sql {
  return Prisma.sql`
    SELECT id FROM customers WHERE lower(email) LIKE ${emailPrefixPattern(email)} LIMIT ${CUSTOMER_ID_LIST_LIMIT + 1}`;
}

/**
 * Customers whose email starts with the filter, or null when there are too many to list. Looked up
 * first because a join lets the planner walk every order by date hoping to meet a rare customer.
 */
async function customersMatching(prisma: PrismaClient, email: string): Promise<string[] | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>(customersMatchingQuery(email));
  return rows.length > CUSTOMER_ID_LIST_LIMIT ? null : rows.map((row) => row.id);
}

export function orderFilterConditions(query: OrderListQuery, customerIds: string[] | null = null): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.statuses?.length) conditions.push(Prisma.sql`o.status IN (${Prisma.join(query.statuses)})`);
  if (query.currency) conditions.push(Prisma.sql`o.currency = ${query.currency}`);
  if (query.from) conditions.push(Prisma.sql`o.created_at >= ${new Date(`${query.from}T00:00:00Z`)}`);
  if (query.to) {
    conditions.push(Prisma.sql`o.created_at < ${new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS)}`);
  }
  if (query.currency && query.minAmount) {
    conditions.push(Prisma.sql`o.total_minor >= ${toMinorUnits(query.minAmount, query.currency)}`);
  }
  if (query.currency && query.maxAmount) {
    conditions.push(Prisma.sql`o.total_minor <= ${toMinorUnits(query.maxAmount, query.currency)}`);
  }
  if (query.email && customerIds) {
    conditions.push(Prisma.sql`o.customer_id = ANY(${customerIds}::uuid[])`);
  } else if (query.email) {
    const pattern = emailPrefixPattern(query.email);
    conditions.push(Prisma.sql`o.customer_id IN (SELECT c.id FROM customers c WHERE lower(c.email) LIKE ${pattern})`);
  }
  return conditions;
}

/**
 * One page of orders. Keyset pagination on (sort column, id): the database walks an index from
 * the last row seen, so page 2000 costs what page 1 does and rows arriving meanwhile never shift
 * a page. Payment columns are joined for the page's rows only.
 */
export async function listOrders(
  prisma: PrismaClient,
  query: OrderListQuery,
): Promise<{ rows: OrderListRow[]; nextCursor: string | null }> {
  const column = SORT_COLUMNS[query.sort];
  const direction = Prisma.raw(query.direction === "desc" ? "DESC" : "ASC");
  const customerIds = query.email ? await customersMatching(prisma, query.email) : null;
  if (customerIds?.length === 0) return { rows: [], nextCursor: null };
  const conditions = orderFilterConditions(query, customerIds);
  const keyset = keysetCondition(query, column);
  if (keyset) conditions.push(keyset);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  const rows = await prisma.$queryRaw<OrderListRow[]>`
    WITH page AS (
      SELECT o.id, o.created_at, o.status, o.currency, o.total_minor, o.customer_id
      FROM orders o
      ${where}
      ORDER BY ${column} ${direction}, o.id ${direction}
      LIMIT ${query.limit + 1}
    )
    SELECT o.id, o.created_at AS "createdAt", o.status, o.currency, o.total_minor AS "totalMinor",
           c.email AS "customerEmail", p.payment_status AS "paymentStatus",
           COALESCE(p.captured, 0)::int AS "capturedMinor", COALESCE(p.refunded, 0)::int AS "refundedMinor",
           COALESCE(p.attempts, 0)::int AS "paymentAttempts"
    FROM page o
    JOIN customers c ON c.id = o.customer_id
    LEFT JOIN LATERAL (
      SELECT (array_agg(pay.status ORDER BY pay.created_at DESC))[1] AS payment_status,
             sum(pay.amount_captured_minor) AS captured, sum(pay.amount_refunded_minor) AS refunded,
             count(*) AS attempts
      FROM payments pay WHERE pay.order_id = o.id
    ) p ON true
    ORDER BY ${column} ${direction}, o.id ${direction}`;

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({ ...row, currency: row.currency.trim() })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ value: sortValueOf(last, query.sort), id: last.id }) : null,
  };
}
