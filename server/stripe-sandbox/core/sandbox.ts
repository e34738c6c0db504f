import type Stripe from "stripe";
import type { SandboxConfig } from "./config";
import type { Faults } from "./faults";
import type { SandboxState, ScheduledTask, TaskKind } from "./state";

/** The API request being served, named in the events it causes (`event.request`). */
export interface RequestContext {
  id: string;
  idempotencyKey: string | null;
}

/** A delivery attempt, listable through the control API. */
export interface DeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  attempt: number;
  copy: number;
  outcome: "succeeded" | "failed" | "dropped";
  httpStatus: number | null;
  error: string | null;
  /** Real time, milliseconds. */
  at: number;
  durationMs: number;
  willRetry: boolean;
}

export interface WebhookDispatcher {
  enqueue(event: Stripe.Event): number;
  resend(eventId: string, endpointId?: string): number;
  restore(): void;
  deliveries(): readonly DeliveryRecord[];
  idle(): Promise<void>;
  clear(): void;
  stop(): Promise<void>;
}

export interface Sandbox {
  state: SandboxState;
  config: SandboxConfig;
  faults: Faults;
  /** The fault dice: a generator seeded by `faults.seed`, restarted whenever the faults are set. */
  faultRandom: () => number;
  request: RequestContext | null;
  /** Sandbox time: the real clock plus every advance, pinned while an advance walks through time. */
  nowMs(): number;
  /** Sandbox time in Unix seconds, as Stripe's `created` fields carry it. */
  now(): number;
  pinnedNowMs: number | null;
  emit(type: Stripe.Event.Type, object: object, previousAttributes?: Record<string, unknown>): Stripe.Event;
  schedule(kind: TaskKind, ref: string, delayMs: number, arg?: string): ScheduledTask;
  /** Marks the state changed so it is persisted soon. */
  touch(): void;
  webhooks: WebhookDispatcher;
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
