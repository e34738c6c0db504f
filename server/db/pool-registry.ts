import type pg from "pg";

// On globalThis so the pools a route bundle opens are seen by the metrics endpoint's bundle too.
const holder = globalThis as unknown as { payopsPools?: Map<string, pg.Pool> };

/** Names a connection pool so its use can be read (the metrics endpoint's pool gauges). */
export function registerPool(name: string, pool: pg.Pool): void {
  holder.payopsPools ??= new Map();
  holder.payopsPools.set(name, pool);
}

/** The process's named pools: connections in use, idle, and queries waiting for one. */
export function poolUsage(): { name: string; inUse: number; idle: number; waiting: number }[] {
  return [...(holder.payopsPools ?? new Map<string, pg.Pool>()).entries()].map(([name, pool]) => ({
    name,
    inUse: pool.totalCount - pool.idleCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  }));
}
