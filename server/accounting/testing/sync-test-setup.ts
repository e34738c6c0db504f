import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../db/client";
import { DEFAULT_CHART } from "../../ledger";
import type { AccountingDeps } from "../accounting-deps";
import type { QuickBooksTestAccount } from "./quickbooks-test-server";
import type { XeroTestAccount } from "./xero-test-server";

export const TEST_ENCRYPTION_KEY = randomBytes(32);

/** The PayOps chart as a QuickBooks company's accounts, with the same numbers (AcctNum). */
export function quickBooksChart(without: string[] = []): QuickBooksTestAccount[] {
  return DEFAULT_CHART.filter((a) => !without.includes(a.code)).map((a, i) => ({
    Id: String(30 + i),
    Name: a.name,
    AcctNum: a.code,
    Active: true,
  }));
}

/** The PayOps chart as a Xero organisation's accounts, with the same codes. */
export function xeroChart(without: string[] = []): XeroTestAccount[] {
  return DEFAULT_CHART.filter((a) => !without.includes(a.code)).map((a) => ({
    AccountID: crypto.randomUUID(),
    Code: a.code,
    Name: a.name,
    Status: "ACTIVE",
  }));
}

/**
 * Deps pointing at the local vendor servers. Xero's minute is shortened to 3 s (same 60 calls,
 * same 5 at once) so a test runs in seconds; the limiter and the meter count in the same window.
 */
export function testDeps(
  prisma: PrismaClient,
  servers: { quickbooks?: { url: string }; xero?: { url: string } },
  overrides: Partial<AccountingDeps> = {},
): AccountingDeps {
  return {
    prisma,
    encryptionKey: TEST_ENCRYPTION_KEY,
    urls: {
      quickbooksApi: servers.quickbooks?.url ?? "http://127.0.0.1:9",
      quickbooksToken: `${servers.quickbooks?.url ?? "http://127.0.0.1:9"}/oauth2/v1/tokens/bearer`,
      xeroApi: `${servers.xero?.url ?? "http://127.0.0.1:9"}/api.xro/2.0`,
      xeroToken: `${servers.xero?.url ?? "http://127.0.0.1:9"}/connect/token`,
    },
    limits: { quickbooks: { perWindow: 500, windowMs: 60_000, concurrent: 10 }, xero: XERO_TEST_LIMITS },
    timeoutMs: 2_000,
    now: () => new Date("2026-03-01T00:00:00Z"),
    ...overrides,
  };
}

export const XERO_TEST_LIMITS = { perWindow: 60, windowMs: 3_000, concurrent: 5 };
