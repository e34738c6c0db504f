import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { DeliveryRecord, Sandbox, WebhookDispatcher } from "../core/sandbox";
import type { WebhookJob } from "../core/state";
import { endpointWants } from "../events/emit-event";
import { createAgents, postWebhook } from "./post-webhook";
import { signatureHeader } from "./sign-payload";

const MAX_RECORDS = 20_000;

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Delivers events to webhook endpoints with a bounded number of concurrent requests over keep-alive
 * sockets, retrying failures on the configured schedule. Jobs live in the state, so deliveries
 * still owed survive a restart.
 */
export function createDispatcher(sb: () => Sandbox): WebhookDispatcher {
  const agents = createAgents(256);
  const ready: WebhookJob[] = [];
  let readyHead = 0;
  let active = 0;
  const timers = new Set<NodeJS.Timeout>();
  let shuffleBuffer: WebhookJob[] = [];
  let shuffleTimer: NodeJS.Timeout | null = null;
  let records: DeliveryRecord[] = [];
  let idleWaiters: (() => void)[] = [];
  let stopped = false;

  let recorded = 0;
  const record = (entry: Omit<DeliveryRecord, "id">) => {
    records.push({ id: `whdel_${++recorded}`, ...entry });
    if (records.length > MAX_RECORDS) records = records.slice(records.length - MAX_RECORDS / 2);
  };

  // Events are immutable, so a payload is serialised once and shared by duplicates, endpoints and retries.
  const payloads = new Map<string, string>();
  const payloadOf = (event: Stripe.Event) => {
    let payload = payloads.get(event.id);
    if (payload === undefined) {
      payload = JSON.stringify(event, null, 2);
      payloads.set(event.id, payload);
      if (payloads.size > 2000) payloads.delete(payloads.keys().next().value!);
    }
    return payload;
  };

  const isIdle = () => active === 0 && readyHead >= ready.length && timers.size === 0 && shuffleBuffer.length === 0;
  const checkIdle = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const later = (delayMs: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
      checkIdle();
    }, delayMs);
    timers.add(timer);
  };

  const makeReady = (job: WebhookJob, delayMs: number) => {
    if (stopped) return;
    if (delayMs > 0) {
      later(delayMs, () => makeReady(job, 0));
      return;
    }
    ready.push(job);
    pump();
  };

  const route = (job: WebhookJob) => {
    const { shuffleWindowMs, delayMs } = sb().faults.webhook;
    if (shuffleWindowMs <= 0) {
      makeReady(job, delayMs);
      return;
    }
    shuffleBuffer.push(job);
    shuffleTimer ??= setTimeout(() => {
      shuffleTimer = null;
      const batch = shuffle(shuffleBuffer, sb().faultRandom);
      shuffleBuffer = [];
      for (const queued of batch) makeReady(queued, delayMs);
      checkIdle();
    }, shuffleWindowMs);
  };

  const finishJob = (job: WebhookJob, event: Stripe.Event | undefined) => {
    const state = sb().state;
    delete state.webhookJobs[job.id];
    if (event && job.copy === 1) event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    sb().touch();
  };

  const attempt = async (job: WebhookJob) => {
    const sandbox = sb();
    const event = sandbox.state.events[job.eventId];
    const endpoint = sandbox.state.webhookEndpoints[job.endpointId];
    // Deleting or disabling an endpoint stops its retries, as on Stripe.
    if (!event || !endpoint || endpoint.status !== "enabled" || !endpoint.secret) {
      finishJob(job, event);
      return;
    }
    const payload = payloadOf(event);
    // Signed with the real clock: receivers check the timestamp against their own clock.
    const signature = signatureHeader(payload, endpoint.secret, Math.floor(Date.now() / 1000));
    const started = Date.now();
    const { timeoutMs, retryScheduleMs } = sandbox.config.webhooks;
    const result = await postWebhook(agents, endpoint.url, payload, signature, timeoutMs);
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const retryDelay = ok ? undefined : retryScheduleMs[job.attempt - 1];
    record({
      eventId: event.id,
      eventType: event.type,
      endpointId: endpoint.id,
      url: endpoint.url,
      attempt: job.attempt,
      copy: job.copy,
      outcome: ok ? "succeeded" : "failed",
      httpStatus: result.status,
      error: result.error ?? (ok ? null : `HTTP ${result.status}`),
      at: started,
      durationMs: Date.now() - started,
      willRetry: retryDelay !== undefined && !stopped,
    });
    if (ok || retryDelay === undefined) {
      finishJob(job, event);
      return;
    }
    job.attempt += 1;
    sandbox.touch();
    makeReady(job, retryDelay);
  };

  function pump() {
    const limit = sb().config.webhooks.concurrency;
    while (!stopped && active < limit && readyHead < ready.length) {
      const job = ready[readyHead++]!;
      if (readyHead > 1024 && readyHead * 2 > ready.length) {
        ready.splice(0, readyHead);
        readyHead = 0;
      }
      active++;
      void attempt(job).finally(() => {
        active--;
        pump();
        checkIdle();
      });
    }
  }

  const addJobs = (event: Stripe.Event, endpoint: Stripe.WebhookEndpoint, copies: number) => {
    for (let copy = 1; copy <= copies; copy++) {
      const job: WebhookJob = { id: newId("whjob"), eventId: event.id, endpointId: endpoint.id, attempt: 1, copy };
      sb().state.webhookJobs[job.id] = job;
      route(job);
    }
    return copies;
  };

  return {
    enqueue(event) {
      const sandbox = sb();
      const endpoints = Object.values(sandbox.state.webhookEndpoints).filter((e) => endpointWants(e, event.type));
      const { duplicate, dropRate } = sandbox.faults.webhook;
      let jobs = 0;
      for (const endpoint of endpoints) {
        if (dropRate > 0 && sandbox.faultRandom() < dropRate) {
          record({
            eventId: event.id,
            eventType: event.type,
            endpointId: endpoint.id,
            url: endpoint.url,
            attempt: 0,
            copy: 0,
            outcome: "dropped",
            httpStatus: null,
            error: "dropped by fault injection",
            at: Date.now(),
            durationMs: 0,
            willRetry: false,
          });
          event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
          continue;
        }
        jobs += addJobs(event, endpoint, Math.max(1, Math.floor(duplicate)));
      }
      return jobs;
    },
    resend(eventId, endpointId) {
      const sandbox = sb();
      const event = sandbox.state.events[eventId];
      if (!event) return 0;
      const endpoints = Object.values(sandbox.state.webhookEndpoints).filter(
        (e) => (endpointId ? e.id === endpointId : endpointWants(e, event.type)) && e.status === "enabled",
      );
      let jobs = 0;
      for (const endpoint of endpoints) jobs += addJobs(event, endpoint, 1);
      return jobs;
    },
    restore() {
      for (const job of Object.values(sb().state.webhookJobs)) makeReady(job, 0);
    },
    deliveries: () => records,
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (shuffleTimer) clearTimeout(shuffleTimer);
      shuffleTimer = null;
      shuffleBuffer = [];
      ready.length = 0;
      readyHead = 0;
      records = [];
      checkIdle();
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (shuffleTimer) clearTimeout(shuffleTimer);
      shuffleBuffer = [];
      agents.destroy();
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    },
  };
}
