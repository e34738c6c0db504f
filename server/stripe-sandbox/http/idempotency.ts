import type { SandboxState } from "../core/state";
import { StripeApiError } from "./errors";

const KEEP_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: string;
}

/**
 * Stripe's rules: the first response to a key is replayed for the same parameters; other
 * parameters with that key are an idempotency_error. Keys expire after 24 h of sandbox time.
 */
export function replayIdempotent(
  state: SandboxState,
  key: string,
  fingerprint: string,
  nowMs: number,
): StoredResponse | undefined {
  const record = state.idempotency[key];
  if (!record) return undefined;
  if (nowMs - record.createdAtMs > KEEP_MS) {
    delete state.idempotency[key];
    return undefined;
  }
  if (record.fingerprint !== fingerprint) {
    throw new StripeApiError(400, {
      type: "idempotency_error",
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    });
  }
  return { status: record.status, body: record.body };
}

export function rememberIdempotent(
  state: SandboxState,
  key: string,
  fingerprint: string,
  response: StoredResponse,
  nowMs: number,
): void {
  state.idempotency[key] = { fingerprint, status: response.status, body: response.body, createdAtMs: nowMs };
}

const lastPrune = new WeakMap<SandboxState, number>();

/** Drops expired keys, at most once a sandbox minute (replay checks expiry itself). */
export function pruneIdempotencyKeys(state: SandboxState, nowMs: number): void {
  if (nowMs - (lastPrune.get(state) ?? 0) < 60_000) return;
  lastPrune.set(state, nowMs);
  for (const [key, record] of Object.entries(state.idempotency)) {
    if (nowMs - record.createdAtMs > KEEP_MS) delete state.idempotency[key];
  }
}
