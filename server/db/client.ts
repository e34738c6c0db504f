import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { serverEnv } from "../env";
import { PrismaClient } from "./generated/client";
import { registerPool } from "./pool-registry";
import { preparedStatementName } from "./prepared-statements";

export type { PrismaClient } from "./generated/client";
export { Prisma } from "./generated/client";

export function createPrismaClient(connectionString: string, options: { poolName?: string } = {}): PrismaClient {
  // A pool of our own (not one the adapter makes) so its use can be read for the pool gauges.
  const pool = new pg.Pool({ connectionString, max: 20 });
  if (options.poolName) registerPool(options.poolName, pool);
  const adapter = new PrismaPg(pool, { statementNameGenerator: preparedStatementName, disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { payopsPrisma?: PrismaClient };

/** The app's Prisma client (one per process, kept across hot reloads in development). */
export function db(): PrismaClient {
  if (!globalForPrisma.payopsPrisma) {
    const url = serverEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start PayOps with `npm run dev` or `npm start`.");
    globalForPrisma.payopsPrisma = createPrismaClient(url, { poolName: "app" });
  }
  return globalForPrisma.payopsPrisma;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
