import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { serverEnv } from "../env";
import { PrismaClient } from "./generated/client";
import { preparedStatementName } from "./prepared-statements";

export type { PrismaClient } from "./generated/client";
export { Prisma } from "./generated/client";

export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: 20 }, { statementNameGenerator: preparedStatementName });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { payopsPrisma?: PrismaClient };

/** The app's Prisma client (one per process, kept across hot reloads in development). */
export function db(): PrismaClient {
  if (!globalForPrisma.payopsPrisma) {
    const url = serverEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start PayOps with `npm run dev` or `npm start`.");
    globalForPrisma.payopsPrisma = createPrismaClient(url);
  }
  return globalForPrisma.payopsPrisma;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
