import { InngestTestEngine } from "@inngest/test";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NonRetriableError } from "inngest";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setJobEventSink } from "@/server/jobs/emit";
import type { JobContext } from "@/server/jobs/job-definition";
import type { JobEvent } from "@/server/jobs/job-events";
import { startTracing } from "@/server/observability/start-tracing";
import { currentTraceCarrier, withSpan } from "@/server/observability/tracing";
import { createPendingOrder } from "@/server/orders/order-test-fixtures";
import { SANDBOX_SECRET_KEY } from "@/server/stripe/client";
import { type RunningSandbox, startSandbox } from "@/server/stripe-sandbox";
import { unreachableStripe } from "@/server/stripe-sandbox/testing/unreachable-stripe";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { inngestEventsFrom } from "./event-sink";
import { functionFromJob } from "./function-from-job";
import { functions } from "./index";
import { JOB_REGISTRY } from "./job-registry";

const exporter = new InMemorySpanExporter();
startTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;
let unreachable: Stripe;
/** What the functions under test see; a test swaps the Stripe client to cut Stripe off. */
let context: JobContext;

function stripeAt(port: number) {
  return new Stripe(SANDBOX_SECRET_KEY, { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
}

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({ port: 0, config: { timing: { chargeBalanceTransactionDelayMs: 0 } } });
  stripe = stripeAt(sandbox.port);
  unreachable = await unreachableStripe();
  context = { prisma: database.prisma, stripe };
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

function jobFunction(id: string) {
  const job = JOB_REGISTRY.find((candidate) => candidate.id === id);
  if (!job) throw new Error(`no job ${id}`);
  return functionFromJob(job, () => context);
}

/** An order paid at the sandbox, with the `payment_intent.succeeded` event stored but not processed. */
async function paidOrderWithStoredEvent() {
  const order = await createPendingOrder(database.prisma, 2_000);
  const created = await stripe.paymentIntents.create({
    amount: 2_000,
    currency: "usd",
    metadata: { order_id: order.id },
    automatic_payment_methods: { enabled: true, allow_redirects: "never" },
  });
  const paymentIntent = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
  const stripeEventId = `evt_${paymentIntent.id.slice(3)}`;
  await database.prisma.stripeEvent.create({
    data: {
      stripeEventId,
      type: "payment_intent.succeeded",
      orderKey: order.id,
      payload: {
        id: stripeEventId,
        object: "event",
        type: "payment_intent.succeeded",
        created: paymentIntent.created,
        data: { object: JSON.parse(JSON.stringify(paymentIntent)) },
      },
      stripeCreatedAt: new Date(paymentIntent.created * 1000),
    },
  });
  return { orderId: order.id, paymentIntentId: paymentIntent.id, stripeEventId };
}

function processEngine(stripeEventId: string, orderId: string) {
  return new InngestTestEngine({
    function: jobFunction("process-stripe-event"),
    events: [{ name: "stripe/event.received", data: { stripeEventId, orderKey: orderId } }],
  });
}

describe("Inngest functions, run through @inngest/test on PostgreSQL and the sandbox", () => {
  it("serves one function per registered job, with its trigger, retries and concurrency key", () => {
    expect(functions.map((fn) => fn.id()).sort()).toEqual(JOB_REGISTRY.map((job) => job.id).sort());
    const process = jobFunction("process-stripe-event").opts as {
      retries?: number;
      concurrency?: { key?: string; limit: number }[];
    };
    const job = JOB_REGISTRY.find((candidate) => candidate.id === "process-stripe-event");
    expect(process.retries).toBe(job?.retries);
    expect(process.concurrency).toEqual([{ key: job?.concurrency?.expression, limit: 1 }]);
    expect(job?.concurrency?.keyOf({ stripeEventId: "evt_1", orderKey: "order-7" })).toBe("order-7");
  });

  it("processes a stored event: the order is paid, the capture posted, the event marked processed", async () => {
    const { orderId, paymentIntentId, stripeEventId } = await paidOrderWithStoredEvent();
    const { result, ctx } = await processEngine(stripeEventId, orderId).execute();

    expect(result).toEqual({ stripeEventId, outcome: "applied" });
    expect(ctx.step.run).toHaveBeenCalledWith("process-event", expect.any(Function));
    const order = await database.prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { payments: true },
    });
    expect(order.status).toBe("paid");
    expect(order.payments[0]).toMatchObject({ stripePaymentIntentId: paymentIntentId, amountCapturedMinor: 2_000 });
    const event = await database.prisma.stripeEvent.findUniqueOrThrow({ where: { stripeEventId } });
    expect(event).toMatchObject({ outcome: "applied", attempts: 1, lastError: null });
    expect(event.processedAt).not.toBeNull();
    const captures = await database.prisma.ledgerTransaction.count({
      where: { stripePaymentIntentId: paymentIntentId, kind: "payment_captured" },
    });
    expect(captures).toBe(1);
  });

  it("carries the emitting request's trace inside the Inngest event, so the run's spans join that trace", async () => {
    const { orderId, stripeEventId } = await paidOrderWithStoredEvent();
    // What the Inngest sink sends for an event emitted inside a request's span.
    const { sent, traceId } = await withSpan("stripe.webhook.receive", {}, async (span) => ({
      sent: inngestEventsFrom([
        { name: "stripe/event.received", data: { stripeEventId, orderKey: orderId }, trace: currentTraceCarrier() },
      ]),
      traceId: span.spanContext().traceId,
    }));
    expect(sent[0]?.data).toMatchObject({ payopsTraceContext: { traceparent: expect.stringContaining(traceId) } });

    exporter.reset();
    const { result } = await new InngestTestEngine({
      function: jobFunction("process-stripe-event"),
      events: [sent[0] as { name: string; data: Record<string, unknown> }],
    }).execute();
    expect(result).toEqual({ stripeEventId, outcome: "applied" });
    const spans = exporter.getFinishedSpans();
    const job = spans.find((span) => span.name === "job process-stripe-event");
    const processing = spans.find((span) => span.name === "stripe_event.process");
    expect(job?.spanContext().traceId).toBe(traceId);
    expect(processing?.spanContext().traceId).toBe(traceId);
  });

  it("fails the step while Stripe is unreachable (retriable, error kept on the inbox row), then succeeds on the retry", async () => {
    const { orderId, stripeEventId } = await paidOrderWithStoredEvent();
    context = { prisma: database.prisma, stripe: unreachable };
    const first = await processEngine(stripeEventId, orderId).execute();
    context = { prisma: database.prisma, stripe };

    expect(first.error).toBeDefined();
    expect(first.error).not.toMatchObject({ name: NonRetriableError.name });
    const failed = await database.prisma.stripeEvent.findUniqueOrThrow({ where: { stripeEventId } });
    expect(failed.processedAt).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/connect|ECONNREFUSED|Stripe/i);
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending_payment");

    // Inngest's retry runs the function again with the failed step not memoised.
    const retry = await processEngine(stripeEventId, orderId).execute();
    expect(retry.error).toBeUndefined();
    expect(retry.result).toEqual({ stripeEventId, outcome: "applied" });
    const processed = await database.prisma.stripeEvent.findUniqueOrThrow({ where: { stripeEventId } });
    expect(processed).toMatchObject({ attempts: 2, lastError: null, outcome: "applied" });
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
  });

  it("fails a run whose data does not fit the event's schema with NonRetriableError, running no step", async () => {
    const engine = new InngestTestEngine({
      function: jobFunction("process-stripe-event"),
      events: [{ name: "stripe/event.received", data: { stripeEventId: "not-an-event" } }],
    });
    const { error, ctx } = await engine.execute();
    // The engine hands the error back serialised, as Inngest records it.
    expect(error).toMatchObject({ name: NonRetriableError.name });
    expect((error as Error).message).toMatch(/stripeEventId/);
    expect((error as Error).message).toMatch(/orderKey/);
    expect(ctx.step.run).not.toHaveBeenCalled();
  });

  it("sweeps on its cron: re-dispatches a stored, unprocessed event and settles a stuck order from Stripe", async () => {
    const stored = await paidOrderWithStoredEvent();
    // An order whose webhooks never came: checkout recorded its PaymentIntent, Stripe has it paid.
    const stuck = await paidOrderWithStoredEvent();
    await database.prisma.stripeEvent.delete({ where: { stripeEventId: stuck.stripeEventId } });
    await database.prisma.payment.create({
      data: {
        orderId: stuck.orderId,
        stripePaymentIntentId: stuck.paymentIntentId,
        status: "requires_payment_method",
        currency: "USD",
        amountMinor: 2_000,
      },
    });
    const emitted: JobEvent[] = [];
    setJobEventSink(async (events) => {
      emitted.push(...events);
    });
    context = { prisma: database.prisma, stripe, sweep: { eventMinAgeMs: 0, orderMinAgeMs: 0 } };
    try {
      const { result, ctx } = await new InngestTestEngine({ function: jobFunction("sweep-webhook-inbox") }).execute();
      expect(ctx.step.run).toHaveBeenCalledWith("recheck-stuck-orders", expect.any(Function));
      expect(result).toMatchObject({ rechecked: expect.any(Number) });
    } finally {
      setJobEventSink(undefined);
      context = { prisma: database.prisma, stripe };
    }
    expect(emitted).toContainEqual(
      expect.objectContaining({
        name: "stripe/event.received",
        data: { stripeEventId: stored.stripeEventId, orderKey: stored.orderId },
      }),
    );
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: stuck.orderId } })).status).toBe("paid");
  });
});
