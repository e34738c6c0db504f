import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { logger } from "../observability/logger";
import { type ClaimedEvent, claimInboxEvents, releaseAfterFailure, renewClaims } from "./claim-inbox-events";
import { isEventProcessingPaused } from "./event-processing-pause";
import { markSettledEvents } from "./mark-settled-events";
import { processStripeEvent } from "./process-stripe-event";

export type InboxWorkerOptions = {
  prisma: PrismaClient;
  stripe: Stripe;
  deadLetterAfterAttempts?: number;
  /** Names this worker's claims; unique per process. */
  workerId?: string;
  /** Events held claimed at once (a new claim is made when half of them are done). */
  batchSize?: number;
  /** Orders processed at once; one order's events always one after another. */
  ordersAtOnce?: number;
  /**
   * How long a claim holds unless renewed (every third of it, while the worker holds events): a
   * worker that dies loses its events to the others after this.
   */
  leaseMs?: number;
  /** How often an idle worker looks at the inbox (a wake-up from this process's webhook is at once). */
  idlePollMs?: number;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Events of one order, in the order they arrived, as the claim gave them. */
function groupByOrder(events: ClaimedEvent[]): ClaimedEvent[][] {
  const groups = new Map<string, ClaimedEvent[]>();
  for (const event of events) {
    const group = groups.get(event.orderKey) ?? [];
    group.push(event);
    groups.set(event.orderKey, group);
  }
  return [...groups.values()];
}

/**
 * Processes the inbox: claims waiting events in batches (any number of workers, in any number of
 * processes, share it; see claimInboxEvents), processes up to `ordersAtOnce` orders in parallel
 * and each order's events in turn, and gives a failed event back with a backoff. A worker that
 * dies leaves its claims to expire; the processing transaction's row lock and processed check
 * make a second processing of one event change nothing.
 */
export class InboxWorker {
  readonly workerId: string;
  private readonly options: Required<Omit<InboxWorkerOptions, "deadLetterAfterAttempts">> &
    Pick<InboxWorkerOptions, "deadLetterAfterAttempts">;
  private readonly inFlight = new Set<Promise<void>>();
  private inFlightEvents = 0;
  private activeOrders = 0;
  private readonly orderSlots: (() => void)[] = [];
  private wakeUp: (() => void) | undefined;
  /** A wake-up that came while the worker was claiming: its next idle wait is skipped. */
  private wokenWhileBusy = false;
  private loop: Promise<void> | undefined;
  private stopped = false;

  constructor(options: InboxWorkerOptions) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.options = {
      batchSize: 64,
      ordersAtOnce: 8,
      leaseMs: 15_000,
      idlePollMs: 100,
      ...options,
      workerId: this.workerId,
    };
  }

  start(): this {
    this.loop ??= this.run();
    return this;
  }

  /** New events arrived: look at the inbox now rather than at the next poll. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenWhileBusy = true;
  }

  /** Stops claiming, lets what it holds finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Claims and processes until nothing claimable is left (tests and scripts); returns how many it claimed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.claimAndStart(this.options.batchSize);
      await Promise.allSettled([...this.inFlight]);
      if (claimed === 0 && this.inFlight.size === 0) return total;
      total += claimed;
    }
  }

  private async run(): Promise<void> {
    const renewal = setInterval(() => {
      if (this.inFlightEvents === 0) return;
      renewClaims(this.options.prisma, this.workerId, this.options.leaseMs).catch((error: unknown) => {
        logger.warn({ err: error, workerId: this.workerId }, "could not renew the inbox worker's claims");
      });
    }, this.options.leaseMs / 3);
    renewal.unref();
    try {
      await this.claimUntilStopped();
    } finally {
      clearInterval(renewal);
    }
  }

  private async claimUntilStopped(): Promise<void> {
    while (!this.stopped) {
      try {
        const room = this.options.batchSize - this.inFlightEvents;
        if (room < this.options.batchSize / 2) {
          await Promise.race(this.inFlight);
          continue;
        }
        const claimed = await this.claimAndStart(room);
        if (claimed === 0) await this.idle();
      } catch (error) {
        logger.warn({ err: error, workerId: this.workerId }, "the inbox worker could not claim events; trying again");
        await sleep(1_000);
      }
    }
  }

  /** Waits for the next poll, a wake-up, or one of its orders finishing (which may free a later event). */
  private async idle(): Promise<void> {
    if (this.wokenWhileBusy) {
      this.wokenWhileBusy = false;
      return;
    }
    const woken = new Promise<void>((resolve) => {
      this.wakeUp = resolve;
    });
    await Promise.race([woken, sleep(this.options.idlePollMs), ...this.inFlight]);
    this.wakeUp = undefined;
  }

  private async claimAndStart(limit: number): Promise<number> {
    const { prisma } = this.options;
    // Paused by an admin: events wait in the inbox; resuming lets the next poll claim them.
    if (await isEventProcessingPaused(prisma)) return 0;
    const claimed = await claimInboxEvents(prisma, {
      workerId: this.workerId,
      limit,
      leaseMs: this.options.leaseMs,
    });
    const orders = groupByOrder(claimed);
    // Orders whose PaymentIntent is settled are marked stale together, in one statement.
    const { marked, unsettled } = await markSettledEvents(prisma, orders);
    for (const group of orders.filter((events) => !marked.has(events[0]!.stripeEventId))) {
      this.inFlightEvents += group.length;
      const work: Promise<void> = this.processOrder(group, unsettled).finally(() => {
        this.inFlightEvents -= group.length;
        this.inFlight.delete(work);
      });
      this.inFlight.add(work);
    }
    return claimed.length;
  }

  private async processOrder(events: ClaimedEvent[], unsettled: ReadonlySet<string>): Promise<void> {
    await this.acquireOrderSlot();
    try {
      for (let index = 0; index < events.length; index += 1) {
        // Once an event settled the PaymentIntent, the order's later events are marked together.
        const rest = events.slice(index);
        if (index > 0 && rest.length > 1 && (await this.markSettled(rest))) return;
        // The claim's check found this order's PaymentIntent unsettled; its first event need not ask again.
        await this.processEvent(events[index]!, index === 0 ? unsettled : undefined);
      }
    } finally {
      this.releaseOrderSlot();
    }
  }

  private async markSettled(events: ClaimedEvent[]): Promise<boolean> {
    try {
      return (await markSettledEvents(this.options.prisma, [events])).marked.size === events.length;
    } catch {
      // Each event is processed on its own instead.
      return false;
    }
  }

  private async processEvent(event: ClaimedEvent, unsettled?: ReadonlySet<string>): Promise<void> {
    const { prisma, stripe, deadLetterAfterAttempts } = this.options;
    try {
      await processStripeEvent(event.stripeEventId, {
        prisma,
        stripe,
        deadLetterAfterAttempts,
        stored: event,
        unsettled,
      });
    } catch {
      // processStripeEvent kept the error and the attempt on the row (and parked a dead letter).
      await releaseAfterFailure(prisma, event.stripeEventId, this.workerId).catch((error: unknown) => {
        logger.warn({ err: error, stripeEventId: event.stripeEventId }, "could not release a failed event's claim");
      });
    }
  }

  private async acquireOrderSlot(): Promise<void> {
    if (this.activeOrders < this.options.ordersAtOnce) {
      this.activeOrders += 1;
      return;
    }
    await new Promise<void>((resolve) => this.orderSlots.push(resolve));
  }

  private releaseOrderSlot(): void {
    const next = this.orderSlots.shift();
    if (next) next();
    else this.activeOrders -= 1;
  }
}
