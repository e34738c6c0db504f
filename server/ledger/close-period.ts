import { Prisma, type Tx } from "../db/client";
import { AppError } from "../errors";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-11" → [2026-11-01T00:00Z, 2026-12-01T00:00Z). */
export function periodBounds(period: string): { start: Date; end: Date } {
  const match = MONTH.exec(period);
  if (!match) throw new AppError("BAD_REQUEST", `"${period}" is not a month such as 2026-11`);
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
}

export type ClosedPeriod = { id: string; period: string; periodStart: Date; periodEnd: Date; closedById: string };

/**
 * Closes a calendar month (UTC) of the ledger: from the commit on, the database refuses any new
 * entry dated in it. The SHARE lock waits for postings already under way and holds new ones until
 * the close commits, so no entry slips in between the check and the close.
 */
export async function closeLedgerPeriod(
  tx: Tx,
  input: { period: string; staffUserId: string; note?: string | null },
): Promise<ClosedPeriod> {
  const { start, end } = periodBounds(input.period);
  await tx.$executeRaw`LOCK TABLE "ledger_transactions" IN SHARE MODE`;
  const rows = await tx.$queryRaw<ClosedPeriod[]>`
    INSERT INTO "ledger_closed_periods" ("id", "period", "period_start", "period_end", "closed_by_id", "note")
    VALUES (gen_random_uuid(), ${input.period}, ${start}, ${end}, ${input.staffUserId}::uuid, ${input.note ?? null})
    ON CONFLICT ("period") DO NOTHING
    RETURNING "id"::text AS id, "period", "period_start" AS "periodStart", "period_end" AS "periodEnd",
              "closed_by_id"::text AS "closedById"`;
  if (!rows[0]) throw new AppError("CONFLICT", `Ledger period ${input.period} is already closed`);
  return rows[0];
}

/** The closed period a moment falls in, if any. */
export async function closedPeriodAt(tx: Tx, at: Date): Promise<string | null> {
  const rows = await tx.$queryRaw<{ period: string }[]>`
    SELECT "period" FROM "ledger_closed_periods" WHERE ${at} >= "period_start" AND ${at} < "period_end" LIMIT 1`;
  return rows[0]?.period ?? null;
}

/** The database's refusal of an entry dated in a closed period, as the AppError callers see. */
export function closedPeriodError(error: unknown): AppError | null {
  const text =
    error instanceof Prisma.PrismaClientKnownRequestError
      ? `${error.message} ${JSON.stringify(error.meta ?? {})}`
      : error instanceof Error
        ? error.message
        : "";
  const match = /ledger period (\d{4}-\d{2}) is closed: an entry dated ([^;"]+?) cannot be posted/.exec(text);
  if (!match) return null;
  return new AppError(
    "CONFLICT",
    `Ledger period ${match[1]} is closed: an entry dated ${match[2]} cannot be posted in it. Post the correction in an open period.`,
    { period: match[1] },
  );
}
