import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { accountBalances } from "../ledger";
import { toMinorUnits } from "../money";
import { checkAccountingConfiguration } from "./check-accounting-configuration";
import { createConnection } from "./create-connection";
import { exportConnectionJournals } from "./export-connection-journals";
import { completeAuthorisation, startAuthorisation } from "./oauth-authorisation";
import { retryJournals } from "./retry-journals";
import { syncConnection } from "./sync-connection";
import { parseCsv } from "./testing/parse-csv";
import { postMonthOfActivity } from "./testing/post-month-of-activity";
import { startQuickBooksTestServer } from "./testing/quickbooks-test-server";
import { quickBooksChart, TEST_ENCRYPTION_KEY, testDeps, XERO_TEST_LIMITS, xeroChart } from "./testing/sync-test-setup";
import { startXeroTestServer } from "./testing/xero-test-server";

let database: TestDatabase;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await postMonthOfActivity(database.prisma);
});
afterAll(async () => {
  for (const close of closers) await close();
  await database?.drop();
});

/** PayOps's trial balance as debits minus credits per account, non-zero accounts only. */
async function payopsTrialBalance(): Promise<Record<string, bigint>> {
  const rows = await database.prisma.$transaction((tx) => accountBalances(tx, { currency: "USD" }));
  return Object.fromEntries(rows.map((r) => [r.code, r.debits - r.credits] as const).filter(([, v]) => v !== 0n));
}

async function quickBooks(options: Partial<Parameters<typeof startQuickBooksTestServer>[0]> = {}) {
  const server = await startQuickBooksTestServer({ accounts: quickBooksChart(), ...options });
  closers.push(server.close);
  return server;
}

async function xero(options: Partial<Parameters<typeof startXeroTestServer>[0]> = {}) {
  const server = await startXeroTestServer({ accounts: xeroChart(), limits: XERO_TEST_LIMITS, ...options });
  closers.push(server.close);
  return server;
}

type Vendor = "quickbooks" | "xero";

async function connected(vendor: Vendor, mode: "summary" | "per_transaction", serverOptions = {}) {
  const server = vendor === "quickbooks" ? await quickBooks(serverOptions) : await xero(serverOptions);
  const deps = testDeps(database.prisma, { [vendor]: server });
  const connection = await createConnection(deps, {
    vendor,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    refreshToken: vendor === "quickbooks" ? "qbo-refresh-1" : "xero-refresh-1",
    organisationId: "realmId" in server ? server.realmId : server.tenantId,
    mode,
  });
  const stored = () =>
    "entries" in server
      ? server.entries.map((e) => e.DocNumber!)
      : server.journals.map((j) => j.Narration.slice(-20, -1));
  return { server, deps, connection, stored };
}

describe.each([
  ["quickbooks", "summary"],
  ["quickbooks", "per_transaction"],
  ["xero", "summary"],
  ["xero", "per_transaction"],
] as const)("%s in %s mode", (vendor, mode) => {
  it("receives the month once, its trial balance equals PayOps's, and a re-run sends nothing", async () => {
    const { server, deps, connection, stored } = await connected(vendor, mode);
    const first = await syncConnection(deps, connection.id);
    expect(first).toMatchObject({ stopped: null, failed: 0 });
    const journals = await database.prisma.accountingJournal.findMany({ where: { connectionId: connection.id } });
    const toSend = journals.filter((j) => j.status !== "empty");
    expect(first.sent).toBe(toSend.length);
    expect(toSend.every((j) => j.status === "sent" && j.targetId && j.targetUrl)).toBe(true);
    expect(server.trialBalance()).toEqual(await payopsTrialBalance());
    if (mode === "summary") expect(journals.filter((j) => j.kind === "payout")).toHaveLength(3);
    expect(stored()).toHaveLength(toSend.length);

    const again = await syncConnection(deps, connection.id);
    expect(again).toMatchObject({ created: 0, sent: 0, failed: 0, stopped: null, skippedAlreadySent: toSend.length });
    expect(stored()).toHaveLength(toSend.length);
    expect(server.protocolErrors).toEqual([]);
    expect(server.meter.breaches).toEqual([]);
  });
});

describe.each(["quickbooks", "xero"] as const)("%s under faults", (vendor) => {
  it("a 429 storm, 20% 5xx, expired tokens and answers lost after storing: every journal sent once, within the limits", async () => {
    const { server, deps, connection, stored } = await connected(vendor, "per_transaction");
    Object.assign(server.faults, {
      tooManyRequests: 25,
      serverErrorRate: 0.2,
      hangAfterStoreRate: 0.2,
      forgetIdempotencyKeys: true,
    });
    let runs = 0;
    for (; runs < 20; runs += 1) {
      server.expireAccessTokens();
      const summary = await syncConnection({ ...deps, timeoutMs: 500 }, connection.id);
      expect(summary.stopped).toBeNull();
      if (summary.failed === 0) break;
    }
    const journals = await database.prisma.accountingJournal.findMany({ where: { connectionId: connection.id } });
    expect(journals.every((j) => j.status === "sent")).toBe(true);
    const references = stored();
    expect(new Set(references).size).toBe(references.length);
    expect(references.sort()).toEqual(journals.map((j) => j.reference).sort());
    expect(server.trialBalance()).toEqual(await payopsTrialBalance());
    expect(server.meter.breaches).toEqual([]);
    expect(server.protocolErrors).toEqual([]);
    // The faults were met: the storm was used up, and answers lost after storing were found by look-up.
    expect(server.faults.tooManyRequests).toBe(0);
    const results = await database.prisma.outboxEffect.findMany({
      where: { subjectId: { in: journals.map((j) => j.id) } },
    });
    expect(results.some((effect) => effect.result?.startsWith("found as"))).toBe(true);
  });
});

describe("an account the target cannot take", () => {
  it.each(["quickbooks", "xero"] as const)(
    "%s: an unmapped account stops the sync, naming it, and nothing is sent",
    async (vendor) => {
      const chartOptions =
        vendor === "quickbooks" ? { accounts: quickBooksChart(["6030"]) } : { accounts: xeroChart(["6030"]) };
      const { server, deps, connection, stored } = await connected(vendor, "summary", chartOptions);
      const summary = await syncConnection(deps, connection.id);
      expect(summary.stopped).toContain("PayOps account 6030 (Dispute fees) is not mapped");
      expect(stored()).toEqual([]);
      expect(await database.prisma.accountingJournal.count({ where: { connectionId: connection.id } })).toBe(0);
      const after = await database.prisma.accountingConnection.findUniqueOrThrow({ where: { id: connection.id } });
      expect(after.lastSyncError).toContain("6030 (Dispute fees)");
      expect(server.protocolErrors).toEqual([]);
    },
  );

  it("Xero takes journals only in the organisation's base currency", async () => {
    const { deps, connection, stored } = await connected("xero", "summary", { baseCurrency: "NZD" });
    const summary = await syncConnection(deps, connection.id);
    expect(summary.stopped).toContain("books in NZD");
    expect(stored()).toEqual([]);
  });
});

describe("the start-up check", () => {
  it("requires ACCOUNTING_ENCRYPTION_KEY once a connection exists, and the key the tokens were sealed with", async () => {
    await connected("xero", "summary");
    await expect(checkAccountingConfiguration(database.prisma, undefined)).rejects.toThrow(
      /ACCOUNTING_ENCRYPTION_KEY is required/,
    );
    await expect(checkAccountingConfiguration(database.prisma, "ab".repeat(32))).rejects.toThrow(/not the key/);
    await expect(
      checkAccountingConfiguration(database.prisma, TEST_ENCRYPTION_KEY.toString("hex")),
    ).resolves.toBeUndefined();
  });
});

describe("a journal the target rejects", () => {
  it("shows failed with the vendor's message, and is sent once retried after the cause is fixed", async () => {
    const { server, deps, connection, stored } = await connected("quickbooks", "summary");
    server.faults.booksClosedThrough = "2026-01-20";
    const first = await syncConnection(deps, connection.id);
    expect(first.failed).toBeGreaterThan(0);
    const failed = await database.prisma.accountingJournal.findMany({
      where: { connectionId: connection.id, status: "failed" },
    });
    expect(failed.every((j) => j.lastError?.includes("The books are closed through 2026-01-20"))).toBe(true);
    const sentBefore = stored().length;

    server.faults.booksClosedThrough = undefined;
    expect(await retryJournals(database.prisma, { connectionId: connection.id, journalId: failed[0]!.id })).toBe(1);
    expect(await retryJournals(database.prisma, { connectionId: connection.id })).toBe(failed.length - 1);
    const second = await syncConnection(deps, connection.id);
    expect(second).toMatchObject({ failed: 0, sent: failed.length });
    expect(stored()).toHaveLength(sentBefore + failed.length);
    expect(new Set(stored()).size).toBe(stored().length);
    expect(server.trialBalance()).toEqual(await payopsTrialBalance());
  });
});

describe("file exports of what was sent", () => {
  it("gives a month's journals as Xero and QuickBooks import files, one balanced journal each, and refuses a bad range", async () => {
    const { deps, connection } = await connected("xero", "summary");
    await syncConnection(deps, connection.id);
    const range = { connectionId: connection.id, from: "2026-01-01", to: "2026-01-31" };
    const sent = await database.prisma.accountingJournal.count({
      where: { connectionId: connection.id, status: "sent", journalDate: { gte: range.from, lte: range.to } },
    });
    expect(sent).toBeGreaterThan(0);

    const xeroFile = await exportConnectionJournals(database.prisma, { ...range, format: "xero" });
    expect(xeroFile.journals).toBe(sent);
    const [xeroHeader, ...xeroRows] = parseCsv(xeroFile.csv);
    expect(xeroHeader!.slice(0, 6)).toEqual([
      "*Narration",
      "*Date",
      "Description",
      "*AccountCode",
      "*TaxRate",
      "*Amount",
    ]);
    const byJournal = new Map<string, number>();
    for (const row of xeroRows) {
      expect(row[1]).toMatch(/^\d{2}\/01\/2026$/);
      const key = `${row[0]}|${row[1]}`;
      byJournal.set(key, (byJournal.get(key) ?? 0) + toMinorUnits(row[5]!, "USD"));
    }
    expect(byJournal.size).toBe(sent);
    expect([...byJournal.values()].every((total) => total === 0)).toBe(true);

    const qboFile = await exportConnectionJournals(database.prisma, { ...range, format: "quickbooks" });
    const [, ...qboRows] = parseCsv(qboFile.csv);
    const balance = new Map<string, number>();
    for (const row of qboRows) {
      expect(row[1]).toMatch(/^01\/\d{2}\/2026$/);
      balance.set(
        row[0]!,
        (balance.get(row[0]!) ?? 0) +
          (row[4] ? toMinorUnits(row[4], "USD") : 0) -
          (row[5] ? toMinorUnits(row[5], "USD") : 0),
      );
    }
    expect(balance.size).toBe(sent);
    expect([...balance.values()].every((total) => total === 0)).toBe(true);

    await expect(
      exportConnectionJournals(database.prisma, { ...range, from: "2026-02-01", format: "xero" }),
    ).rejects.toThrow(/date range/);
  });
});

describe("a connection the vendor revokes", () => {
  it("shows as revoked, stops syncing and keeps its unsent journals", async () => {
    const { server, deps, connection, stored } = await connected("quickbooks", "summary");
    server.faults.serverErrorRate = 1;
    const first = await syncConnection(deps, connection.id);
    expect(first.failed).toBeGreaterThan(0);
    server.revoke();
    server.faults.serverErrorRate = 0;
    await syncConnection(deps, connection.id);
    const revoked = await database.prisma.accountingConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(revoked.status).toBe("revoked");
    expect(revoked.lastSyncError).toContain("connect it again");
    const unsent = await database.prisma.accountingJournal.findMany({
      where: { connectionId: connection.id, status: { not: "sent" } },
    });
    expect(unsent.length).toBe(first.failed);
    const effects = await database.prisma.outboxEffect.findMany({
      where: { subjectId: { in: unsent.map((j) => j.id) } },
    });
    expect(effects.every((effect) => effect.status === "pending")).toBe(true);

    const calls = server.meter.total;
    const third = await syncConnection(deps, connection.id);
    expect(third.stopped).toContain("connect it again");
    expect(server.meter.total).toBe(calls);
    expect(stored()).toHaveLength(0);
  });
});

describe("connecting Xero through the OAuth flow", () => {
  it("sends the admin with state and a PKCE challenge, trades the code with its verifier, and refuses a forged callback", async () => {
    const server = await xero();
    const deps = testDeps(database.prisma, { xero: server });
    const redirectUri = "http://payops.test/dashboard/accounting/callback";
    const start = startAuthorisation({
      vendor: "xero",
      authUrl: `${server.url}/identity/connect/authorize`,
      clientId: server.clientId,
      redirectUri,
    });
    const consent = await fetch(start.url, { redirect: "manual" });
    expect(consent.status).toBe(302);
    const callback = new URL(consent.headers.get("location")!);
    const input = {
      vendor: "xero" as const,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      redirectUri,
      codeVerifier: start.codeVerifier,
    };

    await expect(
      completeAuthorisation(deps, { ...input, expectedState: "another", query: callback.searchParams }),
    ).rejects.toThrow(/did not start here/);
    const connection = await completeAuthorisation(deps, {
      ...input,
      expectedState: start.state,
      query: callback.searchParams,
    });
    expect(connection.organisationId).toBe(server.tenantId);
    expect(connection.accountMap).toMatchObject({ "4000": "4000", "6030": "6030" });
    // A code is good once: replaying the callback is refused.
    await expect(
      completeAuthorisation(deps, { ...input, expectedState: start.state, query: callback.searchParams }),
    ).rejects.toThrow(/refused the authorisation/);
    expect(server.protocolErrors).toEqual([]);
  });
});

describe("connecting QuickBooks through the OAuth flow", () => {
  it("checks the state, trades the code and takes the company from the callback's realmId", async () => {
    const server = await quickBooks();
    const deps = testDeps(database.prisma, { quickbooks: server });
    const redirectUri = "http://payops.test/dashboard/accounting/callback";
    const start = startAuthorisation({
      vendor: "quickbooks",
      authUrl: `${server.url}/connect/oauth2`,
      clientId: server.clientId,
      redirectUri,
    });
    expect(start.codeVerifier).toBeNull();
    const consent = await fetch(start.url, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    const input = {
      vendor: "quickbooks" as const,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      redirectUri,
      codeVerifier: null,
    };
    await expect(
      completeAuthorisation(deps, { ...input, expectedState: `${start.state}x`, query: callback.searchParams }),
    ).rejects.toThrow(/did not start here/);
    const connection = await completeAuthorisation(deps, {
      ...input,
      expectedState: start.state,
      query: callback.searchParams,
    });
    expect(connection.organisationId).toBe(server.realmId);
    expect(connection.accountMap).toMatchObject({ "1040": "1040" });
    expect(server.protocolErrors).toEqual([]);
  });
});
