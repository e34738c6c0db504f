import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { ACCOUNT } from "../ledger";
import { describeAccountMapping, saveAccountMapping } from "./account-mapping";
import { createConnection } from "./create-connection";
import { getConnection, listConnections } from "./list-connections";
import { getJournal, listJournals } from "./list-journals";
import { resendFailedJournals } from "./request-sync";
import { syncConnection } from "./sync-connection";
import { postMonthOfActivity } from "./testing/post-month-of-activity";
import { testDeps, XERO_TEST_LIMITS, xeroChart } from "./testing/sync-test-setup";
import { startXeroTestServer, type XeroTestServer } from "./testing/xero-test-server";

let database: TestDatabase;
let server: XeroTestServer;
let actorId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await postMonthOfActivity(database.prisma);
  actorId = (
    await database.prisma.staffUser.create({
      data: { email: "admin@example.com", name: "Admin", role: "admin", passwordHash: "not-used" },
    })
  ).id;
  // The organisation books fees under its own code and keeps an archived account.
  server = await startXeroTestServer({
    accounts: [
      ...xeroChart([ACCOUNT.processingFees]),
      { AccountID: crypto.randomUUID(), Code: "404", Name: "Bank Fees", Status: "ACTIVE" },
      { AccountID: crypto.randomUUID(), Code: "405", Name: "Old merchant fees", Status: "ARCHIVED" },
    ],
    limits: XERO_TEST_LIMITS,
  });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function connect() {
  const deps = testDeps(database.prisma, { xero: server });
  const connection = await createConnection(deps, {
    vendor: "xero",
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    refreshToken: server.grantRefreshToken(),
    organisationId: server.tenantId,
    mode: "summary",
  });
  return { deps, connectionId: connection.id };
}

describe("the back office's accounting screens", () => {
  it("shows codes matched by default, names the unmapped and archived, and saves only what the chart holds", async () => {
    const { deps, connectionId } = await connect();
    const before = await describeAccountMapping(deps, connectionId);
    const row = (code: string) => before.rows.find((r) => r.payopsCode === code)!;
    expect(row(ACCOUNT.salesRevenue)).toMatchObject({ targetCode: "4000", matchedByCode: true, problem: null });
    expect(row(ACCOUNT.processingFees)).toMatchObject({ targetCode: null, matchedByCode: false });
    expect(row(ACCOUNT.processingFees).problem).toContain("Not mapped");
    expect(before.targetAccounts.map((a) => a.code)).toContain("404");
    expect(before.targetAccounts.map((a) => a.code)).not.toContain("405");

    const current = before.rows.map((r) => ({ payopsCode: r.payopsCode, targetCode: r.targetCode }));
    const withFees = (targetCode: string) =>
      current.map((r) => (r.payopsCode === ACCOUNT.processingFees ? { ...r, targetCode } : r));
    await expect(saveAccountMapping(deps, { connectionId, mapping: withFees("405"), actorId })).rejects.toThrow(
      /6010 Stripe processing fees: Account 405 \(Old merchant fees\) is archived/,
    );
    await expect(saveAccountMapping(deps, { connectionId, mapping: withFees("999"), actorId })).rejects.toThrow(
      /6010 Stripe processing fees: The accounting system has no account 999/,
    );
    const unchanged = await database.prisma.accountingConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect((unchanged.accountMap as Record<string, string>)[ACCOUNT.processingFees]).toBeUndefined();

    await saveAccountMapping(deps, { connectionId, mapping: withFees("404"), actorId });
    const audits = await database.prisma.auditLog.findMany({ where: { subjectId: connectionId } });
    expect(audits.map((a) => a.action)).toEqual(["accounting.mapping_saved"]);
    expect(audits[0]).toMatchObject({ actorId, after: expect.objectContaining({ [ACCOUNT.processingFees]: "404" }) });
    const after = await describeAccountMapping(deps, connectionId);
    expect(after.rows.find((r) => r.payopsCode === ACCOUNT.processingFees)).toMatchObject({
      targetCode: "404",
      matchedByCode: false,
      problem: null,
    });
  });

  it("lists journals with their state, Xero's id, attempts and error, and retries the refused one", async () => {
    const { deps, connectionId } = await connect();
    await saveAccountMapping(deps, {
      connectionId,
      mapping: [
        ...(await describeAccountMapping(deps, connectionId)).rows.map((r) => ({
          payopsCode: r.payopsCode,
          targetCode: r.payopsCode === ACCOUNT.processingFees ? "404" : r.targetCode,
        })),
      ],
      actorId,
    });
    server.faults.rejectJournals = 1;
    const storedBefore = server.journals.length;
    const summary = await syncConnection(deps, connectionId);
    expect(summary).toMatchObject({ stopped: null, failed: 1 });

    const { rows, total } = await listJournals(database.prisma, { connectionId });
    expect(total).toBe(rows.length);
    const failed = rows.filter((r) => r.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 1, targetId: null });
    expect(failed[0]!.lastError).toContain("is locked for editing");
    const sent = rows.filter((r) => r.status === "sent");
    expect(sent.length).toBe(server.journals.length - storedBefore);
    for (const journal of sent) {
      expect(server.journals.some((j) => j.ManualJournalID === journal.targetId)).toBe(true);
      expect(journal.debitMinor).toBeGreaterThan(0);
    }
    expect((await listJournals(database.prisma, { connectionId, status: "failed" })).rows).toHaveLength(1);
    expect(await getConnection(database.prisma, connectionId)).toMatchObject({ failed: 1, sent: sent.length });
    expect((await listConnections(database.prisma)).map((c) => c.id)).toContain(connectionId);

    // The auditor's view: the stored body is what Xero received.
    const detail = await getJournal(database.prisma, sent[0]!.id);
    const atXero = server.journals.find((j) => j.ManualJournalID === detail.targetId)!;
    expect(JSON.parse(detail.payloadText).ManualJournals[0].Narration).toBe(atXero.Narration);

    await expect(
      resendFailedJournals(database.prisma, { connectionId, journalId: sent[0]!.id }, actorId),
    ).rejects.toThrow("This journal has not failed");
    expect(await resendFailedJournals(database.prisma, { connectionId, journalId: failed[0]!.id }, actorId)).toEqual({
      retried: 1,
    });
    const retriedAudit = await database.prisma.auditLog.findFirstOrThrow({
      where: { subjectId: connectionId, action: "accounting.journals_retried" },
    });
    expect(retriedAudit).toMatchObject({ actorId, after: { journalIds: [failed[0]!.id] } });
    await syncConnection(deps, connectionId);
    const retried = await getJournal(database.prisma, failed[0]!.id);
    expect(retried).toMatchObject({ status: "sent", attempts: 2 });
    expect(server.journals.filter((j) => j.Narration.includes(`[${retried.reference}]`))).toHaveLength(1);
  });
});
