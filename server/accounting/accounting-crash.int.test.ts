import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createConnection } from "./create-connection";
import { syncConnection } from "./sync-connection";
import { postMonthOfActivity } from "./testing/post-month-of-activity";
import { TEST_ENCRYPTION_KEY, testDeps, xeroChart } from "./testing/sync-test-setup";
import { startXeroTestServer, type XeroTestServer } from "./testing/xero-test-server";

let database: TestDatabase;
let xero: XeroTestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  await postMonthOfActivity(database.prisma);
  // The command line runs at Xero's real limits, so this server counts a real minute.
  xero = await startXeroTestServer({ accounts: xeroChart() });
});
afterAll(async () => {
  await xero?.close();
  await database?.drop();
});

function runSync(connectionId: string, extra: string[] = []) {
  return runScript("scripts/accounting-sync.ts", ["--connection", connectionId, ...extra]);
}

function runScript(
  script: string,
  args: string[],
): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      ACCOUNTING_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toString("hex"),
      XERO_API_URL: `${xero.url}/api.xro/2.0`,
      XERO_TOKEN_URL: `${xero.url}/connect/token`,
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => stdout };
}

describe("a sync killed between the vendor's answer and the commit", () => {
  it("leaves exactly one journal at the vendor once run again", async () => {
    const deps = testDeps(database.prisma, { xero }, { limits: {} });
    const connection = await createConnection(deps, {
      vendor: "xero",
      clientId: xero.clientId,
      clientSecret: xero.clientSecret,
      refreshToken: "xero-refresh-1",
      organisationId: xero.tenantId,
      mode: "summary",
    });
    const { child, exited } = runSync(connection.id);
    // Xero stores the first journal; the process dies before it hears the answer or records it.
    Object.assign(xero.faults, {
      hangAfterStoreRate: 1,
      forgetIdempotencyKeys: true,
      onStored: () => child.kill("SIGKILL"),
    });
    expect(await exited).toBeNull();
    // Journals sent side by side may reach Xero before the kill lands: at least the first is stored
    // there, and PayOps recorded none of them.
    expect(xero.journals.length).toBeGreaterThanOrEqual(1);
    expect(
      await database.prisma.accountingJournal.count({ where: { connectionId: connection.id, status: "sent" } }),
    ).toBe(0);
    const [journal] = await database.prisma.accountingJournal.findMany({
      where: { connectionId: connection.id, status: { not: "sent" } },
      orderBy: { journalDate: "asc" },
    });
    expect(journal?.targetId).toBeNull();

    // The dead process's lease lapses (after 60 s in real time); the next run finds the journal at Xero.
    await database.prisma.$executeRaw`UPDATE outbox_effects SET leased_until = now() - interval '1 second'`;
    Object.assign(xero.faults, { hangAfterStoreRate: 0, onStored: undefined });
    const summary = await syncConnection(deps, connection.id);
    expect(summary).toMatchObject({ failed: 0, stopped: null });
    const journals = await database.prisma.accountingJournal.findMany({
      where: { connectionId: connection.id, status: "sent" },
    });
    const narrations = xero.journals.map((j) => j.Narration);
    expect(new Set(narrations).size).toBe(narrations.length);
    expect(narrations).toHaveLength(journals.length);
    const first = xero.journals[0]!;
    expect(journals.find((j) => first.Narration.includes(j.reference))?.targetId).toBe(first.ManualJournalID);
    expect(xero.meter.breaches).toEqual([]);
    expect(xero.protocolErrors).toEqual([]);
  }, 120_000);
});

describe("the command line", () => {
  it("connects from a refresh token with a --map, and --dry-run prints what would be sent and sends nothing", async () => {
    const connect = runScript("scripts/accounting-connect.ts", [
      "xero",
      "--client-id",
      xero.clientId,
      "--client-secret",
      xero.clientSecret,
      "--refresh-token",
      xero.grantRefreshToken(),
      "--tenant-id",
      xero.tenantId,
      "--mode",
      "per_transaction",
      "--map",
      "9999=6010",
    ]);
    expect(await connect.exited).toBe(0);
    const created = JSON.parse(connect.output().trim().split("\n").at(-1)!) as {
      connectionId: string;
      accountMap: Record<string, string>;
    };
    expect(created.accountMap).toMatchObject({ "4000": "4000", "9999": "6010" });
    const stored = xero.journals.length;
    const dry = runSync(created.connectionId, ["--dry-run"]);
    expect(await dry.exited).toBe(0);
    const summary = JSON.parse(dry.output().trim().split("\n").at(-1)!) as {
      sent: number;
      wouldSend: { payload: { ManualJournals: unknown[] } }[];
    };
    expect(summary.sent).toBe(0);
    expect(summary.wouldSend.length).toBeGreaterThan(10);
    expect(summary.wouldSend[0]!.payload.ManualJournals).toHaveLength(1);
    expect(xero.journals).toHaveLength(stored);
    expect(await database.prisma.accountingJournal.count({ where: { connectionId: created.connectionId } })).toBe(0);
  }, 120_000);
});
