import type Stripe from "stripe";
import type { Sandbox } from "../core/sandbox";
import type { SandboxState } from "../core/state";
import { emitEvent } from "../events/emit-event";

export function computeBalance(sb: Sandbox): Stripe.Balance {
  const available = new Map<string, number>();
  const pending = new Map<string, number>();
  for (const transaction of Object.values(sb.state.balanceTransactions)) {
    const bucket = transaction.status === "available" ? available : pending;
    bucket.set(transaction.currency, (bucket.get(transaction.currency) ?? 0) + transaction.net);
    const other = bucket === available ? pending : available;
    if (!other.has(transaction.currency)) other.set(transaction.currency, 0);
  }
  if (available.size === 0) {
    available.set("usd", 0);
    pending.set("usd", 0);
  }
  const entries = (totals: Map<string, number>) =>
    [...totals].map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } }));
  return { object: "balance", available: entries(available), livemode: false, pending: entries(pending) };
}

// Earliest day any pending funds become available, so most ticks skip the scan.
const nextRelease = new WeakMap<SandboxState, number>();

export function noteReleaseAt(state: SandboxState, availableOn: number): void {
  nextRelease.set(state, Math.min(nextRelease.get(state) ?? Number.POSITIVE_INFINITY, availableOn));
}

/** Pending funds whose day has come become available; Stripe then sends `balance.available`. */
export function releaseAvailableFunds(sb: Sandbox): void {
  const now = sb.now();
  const due = nextRelease.get(sb.state);
  if (due !== undefined && due > now) return;
  let released = false;
  let next = Number.POSITIVE_INFINITY;
  for (const transaction of Object.values(sb.state.balanceTransactions)) {
    if (transaction.status !== "pending") continue;
    if (transaction.available_on <= now) {
      transaction.status = "available";
      released ||= transaction.net > 0;
    } else {
      next = Math.min(next, transaction.available_on);
    }
  }
  nextRelease.set(sb.state, next);
  if (released) {
    sb.touch();
    emitEvent(sb, "balance.available", computeBalance(sb));
  }
}
