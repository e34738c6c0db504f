import "server-only";
import { Redis } from "ioredis";
import type { PrismaClient, Tx } from "../../db/client";
import { serverEnv } from "../../env";
import { logger } from "../../observability/logger";
import { postgresVelocityStore } from "./postgres-velocity-store";
import { redisVelocityStore } from "./redis-velocity-store";
import type { VelocityStore } from "./velocity-store";

let store: { url: string; store: VelocityStore; close: () => Promise<void> } | undefined;

/** Redis when REDIS_URL is set (one connection shared by every checkout), else the given PostgreSQL. */
export function fraudVelocityStore(prisma: PrismaClient | Tx): VelocityStore {
  const url = serverEnv().REDIS_URL;
  if (!url) return postgresVelocityStore(prisma);
  if (store?.url !== url) {
    const client = new Redis(url, { enableOfflineQueue: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    client.on("error", (error) => logger.warn({ err: error }, "fraud velocity Redis connection error"));
    store = {
      url,
      store: redisVelocityStore(client, "payops"),
      close: async () => {
        await client.quit().catch(() => client.disconnect());
      },
    };
  }
  return store.store;
}

export async function closeFraudVelocityStore(): Promise<void> {
  const current = store;
  store = undefined;
  await current?.close();
}
