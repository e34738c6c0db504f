import { randomSeed } from "./seeded-random";

/** Fault injection settings; everything off by default. */
export interface Faults {
  /** Every random choice a fault makes (which call fails, which event drops, the shuffle) follows this seed. */
  seed: number;
  webhook: {
    /** Deliver every event this many times (1 = normal). */
    duplicate: number;
    /** Collect deliveries for this long, then send them in random order. */
    shuffleWindowMs: number;
    /** Hold every delivery this long before its first attempt. */
    delayMs: number;
    /** Fraction of events never delivered (still listable through the events API). */
    dropRate: number;
  };
  api: {
    /** Fraction of API requests answered with a 500. */
    errorRate: number;
    /** Fraction of API requests held for hangMs (past the SDK's timeout) before any answer. */
    hangRate: number;
    /** "before": nothing is applied; "after": the change is applied, then the failure happens. */
    timing: "before" | "after";
    hangMs: number;
    /** Only requests whose path starts with this are affected (empty: all of /v1). */
    pathPrefix: string;
  };
}

export function noFaults(seed = randomSeed()): Faults {
  return {
    seed,
    webhook: { duplicate: 1, shuffleWindowMs: 0, delayMs: 0, dropRate: 0 },
    api: { errorRate: 0, hangRate: 0, timing: "before", hangMs: 90_000, pathPrefix: "" },
  };
}

/** The `Sandbox-Faults` header value, or null when no fault is on. */
export function describeFaults(faults: Faults): string | null {
  const parts: string[] = [];
  const { webhook, api } = faults;
  if (webhook.duplicate > 1) parts.push(`webhook.duplicate=${webhook.duplicate}`);
  if (webhook.shuffleWindowMs > 0) parts.push(`webhook.shuffleWindowMs=${webhook.shuffleWindowMs}`);
  if (webhook.delayMs > 0) parts.push(`webhook.delayMs=${webhook.delayMs}`);
  if (webhook.dropRate > 0) parts.push(`webhook.dropRate=${webhook.dropRate}`);
  if (api.errorRate > 0) parts.push(`api.errorRate=${api.errorRate}`);
  if (api.hangRate > 0) parts.push(`api.hangRate=${api.hangRate}`, `api.hangMs=${api.hangMs}`);
  if (api.errorRate > 0 || api.hangRate > 0) {
    parts.push(`api.timing=${api.timing}`);
    if (api.pathPrefix) parts.push(`api.pathPrefix=${api.pathPrefix}`);
  }
  return parts.length > 0 ? [...parts, `seed=${faults.seed}`].join("; ") : null;
}
