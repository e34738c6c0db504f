import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { exportAuditCsv } from "./export-audit-csv";
import { listAuditEntries } from "./list-audit-entries";
import { recordAudit } from "./record-audit";

let database: TestDatabase;
let actorId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  actorId = (
    await database.prisma.staffUser.create({
      data: { email: "fay@payops.test", name: "Fay", role: "finance", passwordHash: "unused" },
    })
  ).id;
});
afterAll(() => database?.drop());

const refund = (amountMinor: number, reason = "damaged in transit") => ({
  actor: { kind: "staff" as const, staffUserId: actorId },
  action: "refund.requested" as const,
  subject: { type: "order", id: "3c3f7a56-7d0c-4a39-9a0b-1b1f1f1f1f1f" },
  amount: { minor: amountMinor, currency: "usd" },
  reason,
  before: { refundedMinor: 0 },
  after: { refundedMinor: amountMinor },
});

describe("audit log", () => {
  it("records who, what, amount, reason and before/after, and refuses to be rewritten", async () => {
    const { id } = await database.prisma.$transaction((tx) => recordAudit(tx, refund(1250)));
    const row = await database.prisma.auditLog.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      actorId,
      actorKind: "staff",
      amountMinor: 1250,
      currency: "USD",
      reason: "damaged in transit",
    });
    await expect(database.prisma.auditLog.update({ where: { id }, data: { reason: "edited" } })).rejects.toThrow(
      /audit_log is append-only: UPDATE refused/,
    );
    await expect(database.prisma.auditLog.delete({ where: { id } })).rejects.toThrow(
      /audit_log is append-only: DELETE refused/,
    );
    expect(await database.prisma.auditLog.findUniqueOrThrow({ where: { id } })).toEqual(row);
  });

  it("refuses a money action without an amount or a reason", async () => {
    await expect(recordAudit(database.prisma, { ...refund(100), amount: undefined })).rejects.toThrow(/amount/);
    await expect(recordAudit(database.prisma, refund(100, "  "))).rejects.toThrow(/reason/);
    await expect(recordAudit(database.prisma, refund(-5))).rejects.toThrow(/non-negative/);
  });

  it("filters, pages without gaps, and exports the same rows as CSV", async () => {
    for (let i = 0; i < 7; i++) await recordAudit(database.prisma, refund(100 + i));
    await recordAudit(database.prisma, {
      actor: { kind: "staff", staffUserId: actorId },
      action: "staff.signed_in",
      subject: { type: "staff_user", id: actorId },
    });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAuditEntries>> = await listAuditEntries(database.prisma, {
        filters: { moneyOnly: true, actorEmail: "FAY@" },
        cursor,
        limit: 3,
      });
      seen.push(...page.entries.map((entry) => entry.amountMinor!));
      cursor = page.nextCursor;
    } while (cursor);
    // Newest first, each money entry once: the seven just written, then the first test's.
    expect(seen).toEqual([106, 105, 104, 103, 102, 101, 100, 1250]);

    const { csv, rows } = await exportAuditCsv(database.prisma, { actions: ["refund.requested"] });
    expect(rows).toBe(8);
    expect(csv.split("\r\n")[0]).toMatch(/^created_at,actor_kind,actor_email,action/);
    expect(csv).toContain(
      ",refund.requested,order,3c3f7a56-7d0c-4a39-9a0b-1b1f1f1f1f1f,12.50,1250,USD,damaged in transit,",
    );
  });
});
