import type { PrismaClient } from "../db/client";
import { poolUsage } from "../db/pool-registry";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { type BacklogReader, readBacklog } from "./read-backlog";

const CACHE_MS = 5_000;

type State = { readAt: number; inFlight?: Promise<void>; readers: BacklogReader[] };
const holder = globalThis as unknown as { payopsBacklogGauges?: State };
function state(): State {
  holder.payopsBacklogGauges ??= { readAt: 0, readers: [] };
  return holder.payopsBacklogGauges;
}

/** Adds the gauges of another backlog (outbox depth, dead letters) to every scrape's refresh. */
export function addBacklogReader(reader: BacklogReader): void {
  state().readers.push(reader);
}

/**
 * Sets the database-backed gauges before a scrape. The database is read at most every 5 s (two
 * Prometheis or a burst of scrapes cost one read); pool gauges are in memory and always fresh.
 * A failed read keeps the previous values and counts an error rather than failing the scrape.
 */
export async function refreshBacklogGauges(prisma: PrismaClient, now = Date.now()): Promise<void> {
  const m = metrics();
  m.dbPoolConnections.reset();
  m.dbPoolWaiting.reset();
  for (const pool of poolUsage()) {
    m.dbPoolConnections.set({ pool: pool.name, state: "in_use" }, pool.inUse);
    m.dbPoolConnections.set({ pool: pool.name, state: "idle" }, pool.idle);
    m.dbPoolWaiting.set({ pool: pool.name }, pool.waiting);
  }
  const current = state();
  if (current.inFlight !== undefined) return current.inFlight;
  if (now - current.readAt < CACHE_MS) return;
  current.inFlight = readAll(prisma, current)
    .then(() => {
      current.readAt = now;
    })
    .catch((error: unknown) => {
      m.scrapeErrors.inc();
      logger.warn({ err: error }, "could not read the backlog gauges; serving the previous values");
    })
    .finally(() => {
      current.inFlight = undefined;
    });
  return current.inFlight;
}

async function readAll(prisma: PrismaClient, current: State): Promise<void> {
  const m = metrics();
  const backlog = await readBacklog(prisma);
  m.inboxDepth.set(backlog.inboxDepth);
  m.inboxOldestAgeSeconds.set(backlog.inboxOldestAgeSeconds);
  m.disputesOpen.set(backlog.disputesOpen);
  m.disputeEvidenceDeadlineSeconds.set(backlog.disputeEvidenceDeadlineSeconds ?? Number.POSITIVE_INFINITY);
  m.outboxPending.set(backlog.outboxPending);
  m.deadLetters.set({ kind: "stripe_event" }, backlog.deadLetters.stripeEvents);
  m.deadLetters.set({ kind: "outbox_effect" }, backlog.deadLetters.outboxEffects);
  for (const reader of current.readers) await reader(prisma);
}
