import type Stripe from "stripe";
import type { PrismaClient, Tx } from "../db/client";
import type { OrderChangeCause } from "../orders/order-cause";

/** What processing concluded for an event, kept on its inbox row. */
export type EventOutcome = "applied" | "stale" | "recorded" | "ignored";

/** The database half of a handler: runs inside the event's transaction, with the order locked there. */
export type PreparedChange = (tx: Tx, cause: OrderChangeCause) => Promise<EventOutcome>;

/**
 * A handler for one event type. It trusts the event for ids only: it fetches what it needs from
 * Stripe first (no network call inside a transaction), then returns the change to write.
 */
export type StripeEventHandler = (event: Stripe.Event, deps: HandlerDeps) => Promise<PreparedChange>;

export type HandlerDeps = { prisma: PrismaClient; stripe: Stripe };
