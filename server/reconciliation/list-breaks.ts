import { decodeCursor, encodeCursor } from "../back-office/keyset-cursor";
import { Prisma, type PrismaClient } from "../db/client";
import type { BreakFilters } from "./break-filters";

export type BreakRow = {
  id: string;
  type: string;
  leg: number;
  status: string;
  currency: string | null;
  amountMinor: number;
  occurredAt: Date;
  summary: string;
  stripeReference: string | null;
  ownerName: string | null;
  dueAt: Date | null;
  resolution: string | null;
};

export function breakConditions(filters: BreakFilters, now = new Date()): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.status === "unresolved") conditions.push(Prisma.sql`b."status" <> 'resolved'`);
  else conditions.push(Prisma.sql`b."status" = ${filters.status}`);
  if (filters.type) conditions.push(Prisma.sql`b."type" = ${filters.type}`);
  if (filters.ownerId) conditions.push(Prisma.sql`b."owner_id" = ${filters.ownerId}::uuid`);
  if (filters.currency) conditions.push(Prisma.sql`b."currency" = ${filters.currency}`);
  if (filters.minAgeDays !== undefined) {
    conditions.push(Prisma.sql`b."occurred_at" <= ${new Date(now.getTime() - filters.minAgeDays * 86_400_000)}`);
  }
  return Prisma.join(conditions, " AND ");
}

/** One page of the break queue, newest movement first, with a keyset cursor to the next page. */
export async function listBreaks(
  prisma: PrismaClient,
  input: BreakFilters & { cursor?: string; limit?: number },
): Promise<{ rows: BreakRow[]; nextCursor: string | null; total: number }> {
  const limit = input.limit ?? 50;
  const where = breakConditions(input);
  const after = input.cursor ? decodeCursor(input.cursor, "timestamp") : null;
  const page = after
    ? Prisma.sql`AND (b."occurred_at", b."id") < (${new Date(after.value)}, ${after.id}::uuid)`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<(Omit<BreakRow, "amountMinor"> & { amountMinor: bigint })[]>`
    SELECT b."id"::text AS id, b."type", b."leg", b."status", b."currency"::text AS currency,
           b."amount_minor" AS "amountMinor", b."occurred_at" AS "occurredAt", b."summary",
           b."stripe_reference" AS "stripeReference", s."name" AS "ownerName", b."due_at" AS "dueAt",
           b."resolution"
      FROM "reconciliation_breaks" b LEFT JOIN "staff_users" s ON s."id" = b."owner_id"
     WHERE ${where} ${page}
     ORDER BY b."occurred_at" DESC, b."id" DESC
     LIMIT ${limit + 1}`;
  const [count] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "reconciliation_breaks" b WHERE ${where}`;
  const shown = rows.slice(0, limit).map((row) => ({ ...row, amountMinor: Number(row.amountMinor) }));
  const last = shown.at(-1);
  return {
    rows: shown,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ value: last.occurredAt.toISOString(), id: last.id }) : null,
    total: Number(count?.n ?? 0),
  };
}
