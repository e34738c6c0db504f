import "server-only";
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { logger } from "../observability/logger";

let redisClient: { url: string; client: Redis; connected: Promise<void> } | undefined;

/**
 * One Redis connection per process for every limiter. Commands never queue while it is down (the
 * limiters count in memory meanwhile); only the very first calls wait, up to two seconds, for the
 * first connection, so a fresh instance does not start out counting in memory.
 */
function sharedRedis(url: string): { client: Redis; connected: Promise<void> } {
  if (redisClient?.url !== url) {
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    client.on("error", (error) => logger.warn({ err: error }, "rate-limit Redis connection error"));
    const connected = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      client.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    redisClient = { url, client, connected };
  }
  return redisClient;
}

export type LimiterShape = { keyPrefix: string; points: number; durationSeconds: number };

/**
 * A limiter that counts in Redis when `redisUrl` is set, so every app instance shares one count,
 * and in this process's memory otherwise. If Redis is unreachable the count falls back to memory
 * (per instance) rather than refusing everyone or letting everyone through.
 */
export function createLimiter(
  shape: LimiterShape,
  redisUrl: string | undefined,
): { limiter: RateLimiterAbstract; ready: Promise<void> } {
  const options = { keyPrefix: `payops:${shape.keyPrefix}`, points: shape.points, duration: shape.durationSeconds };
  if (!redisUrl) return { limiter: new RateLimiterMemory(options), ready: Promise.resolve() };
  const redis = sharedRedis(redisUrl);
  const limiter = new RateLimiterRedis({
    ...options,
    storeClient: redis.client,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
  return { limiter, ready: redis.connected };
}

export async function closeRateLimitStore(): Promise<void> {
  const current = redisClient;
  redisClient = undefined;
  if (current) await current.client.quit().catch(() => current.client.disconnect());
}
