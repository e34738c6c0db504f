import type { PrismaClient } from "../db/client";
import { serverEnv } from "../env";
import type { RateLimits } from "./connection-limiter";
import { accountingKey } from "./token-cipher";

/** What the sync needs from outside: the database, the sealing key, the vendors' addresses. */
export type AccountingDeps = {
  prisma: PrismaClient;
  encryptionKey: Buffer;
  urls: { quickbooksApi: string; quickbooksToken: string; xeroApi: string; xeroToken: string };
  /** The vendors' documented limits unless a test shortens the window. */
  limits?: { quickbooks?: RateLimits; xero?: RateLimits };
  timeoutMs?: number;
  now?: () => Date;
};

/** The deps the app and the command line use: configuration from the environment (server/env.ts). */
export function accountingDepsFromEnv(prisma: PrismaClient): AccountingDeps {
  const env = serverEnv();
  return {
    prisma,
    encryptionKey: accountingKey(env.ACCOUNTING_ENCRYPTION_KEY),
    urls: {
      quickbooksApi: env.QUICKBOOKS_API_URL,
      quickbooksToken: env.QUICKBOOKS_TOKEN_URL,
      xeroApi: env.XERO_API_URL,
      xeroToken: env.XERO_TOKEN_URL,
    },
  };
}
