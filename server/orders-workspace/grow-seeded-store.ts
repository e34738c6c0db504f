import type { PrismaClient } from "../db/client";
import { type SeedOrdersOptions, seedOrders } from "./seed-orders";

export type GrowOptions = Omit<SeedOrdersOptions, "count"> & {
  /** The store ends up with at least this many orders. */
  target: number;
  /** Orders per transaction: an interrupted run loses at most one chunk, and the next run goes on from there. */
  chunk: number;
  onChunk?: (progress: { orders: number; target: number; chunkMs: number }) => void;
};

/**
 * Adds generated orders until the store holds `target`, one committed chunk at a time, so it is
 * re-runnable (a store already that large gets nothing) and resumable (it counts what is there).
 */
export async function growSeededStore(
  prisma: PrismaClient,
  options: GrowOptions,
): Promise<{ added: number; orders: number }> {
  const { target, chunk, onChunk, ...seedOptions } = options;
  let orders = await prisma.order.count();
  let added = 0;
  while (orders < target) {
    const started = performance.now();
    const made = (await seedOrders(prisma, { ...seedOptions, count: Math.min(chunk, target - orders) })).orders;
    orders += made;
    added += made;
    onChunk?.({ orders, target, chunkMs: performance.now() - started });
  }
  return { added, orders };
}
