import { decodeCursor, encodeCursor } from "../back-office/keyset-cursor";
import type { Prisma, PrismaClient } from "../db/client";
import { MONEY_ACTIONS } from "./audit-actions";
import type { AuditFilters } from "./audit-filters";

export type AuditEntry = {
  id: string;
  createdAt: Date;
  actorKind: string;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  amountMinor: number | null;
  currency: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  /** The order a refund belongs to, so the screen can link the subject to a page. */
  subjectOrderId: string | null;
};

const DAY_MS = 86_400_000;

export function auditWhere(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.actions?.length) and.push({ action: { in: filters.actions } });
  if (filters.moneyOnly) and.push({ action: { in: [...MONEY_ACTIONS] } });
  if (filters.actorEmail) and.push({ actor: { email: { contains: filters.actorEmail, mode: "insensitive" } } });
  if (filters.subjectId) and.push({ subjectId: filters.subjectId });
  // Dates are whole UTC days, the end day included.
  if (filters.from) and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) and.push({ createdAt: { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } });
  return { AND: and };
}

const SELECT = {
  id: true,
  createdAt: true,
  actorKind: true,
  action: true,
  subjectType: true,
  subjectId: true,
  amountMinor: true,
  currency: true,
  reason: true,
  before: true,
  after: true,
  actor: { select: { email: true, name: true } },
} as const;

type Row = Prisma.AuditLogGetPayload<{ select: typeof SELECT }>;

function toEntry({ actor, ...row }: Row, orderOfRefund: Map<string, string>): AuditEntry {
  return {
    ...row,
    actorEmail: actor?.email ?? null,
    actorName: actor?.name ?? null,
    subjectOrderId: row.subjectType === "refund" ? (orderOfRefund.get(row.subjectId) ?? null) : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refund subjects have no page of their own: their order's page shows them. One query per page of entries. */
async function ordersOfRefunds(prisma: PrismaClient, rows: Row[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      rows.filter((row) => row.subjectType === "refund" && UUID.test(row.subjectId)).map((row) => row.subjectId),
    ),
  ];
  if (ids.length === 0) return new Map();
  const refunds = await prisma.refund.findMany({ where: { id: { in: ids } }, select: { id: true, orderId: true } });
  return new Map(refunds.map((refund) => [refund.id, refund.orderId]));
}

/** Newest first, keyset-paginated on (created_at, id) so deep pages cost what the first one does. */
export async function listAuditEntries(
  prisma: PrismaClient,
  options: { filters: AuditFilters; cursor?: string | null; limit: number },
): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const where = auditWhere(options.filters);
  if (options.cursor) {
    const after = decodeCursor(options.cursor, "timestamp");
    const createdAt = new Date(String(after.value));
    where.AND = [
      ...(where.AND as Prisma.AuditLogWhereInput[]),
      { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: after.id } }] },
    ];
  }
  const rows = await prisma.auditLog.findMany({
    where,
    select: SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const orderOfRefund = await ordersOfRefunds(prisma, page);
  return {
    entries: page.map((row) => toEntry(row, orderOfRefund)),
    nextCursor:
      rows.length > options.limit && last ? encodeCursor({ value: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
