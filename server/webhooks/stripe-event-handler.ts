import type Stripe from "stripe";
import type { PrismaClient, Tx } from "../db/client";
import type { OrderChangeCause } from "../orders/order-cause";

/** What processing concluded for an event, kept on its inbox row. */
export type EventOutcome = "applied" | "stale" | "recorded" | "ignored";

/** The database half of a handler: runs inside the event's transaction, with the order locked there. */
export type PreparedChange = (tx: Tx, cause: OrderChangeCause) => Promise<EventOutcome>;

/**
 * A change that writes nothing: what the handler knew before any transaction (the object is
 * settled, so nothing later can move it). Processing then only marks the event, in one statement.
 */
export type NothingToChange = PreparedChange & { nothingToChange: "stale" | "ignored" };

export function nothingToChange(outcome: "stale" | "ignored"): NothingToChange {
  return Object.assign(async () => outcome, { nothingToChange: outcome });
}

/**
 * A handler for one event type. It trusts the event for ids only: it fetches what it needs from
 * Stripe first (no network call inside a transaction), then returns the change to write.
 */
export type StripeEventHandler = (event: Stripe.Event, deps: HandlerDeps) => Promise<PreparedChange>;

export type HandlerDeps = {
  prisma: PrismaClient;
  stripe: Stripe;
  /** PaymentIntents the caller just found unsettled (one query for a whole batch): not asked again. */
  unsettled?: ReadonlySet<string>;
};
