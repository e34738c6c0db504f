import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { ApiContext } from "../api/context";
import { appRouter } from "../api/root";
import { createCallerFactory } from "../api/trpc";
import { createPendingOrder } from "../orders/order-test-fixtures";
import { createStripeClient, SANDBOX_SECRET_KEY } from "../stripe/client";
import { startWebhookHarness, type WebhookHarness } from "../webhooks/webhook-test-harness";
import { startTracing } from "./start-tracing";

const exporter = new InMemorySpanExporter();
startTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

let database: TestDatabase;
let harness: WebhookHarness;
const globals = globalThis as { payopsPrisma?: unknown; payopsStripe?: unknown };

beforeAll(async () => {
  database = await createTestDatabase();
  harness = await startWebhookHarness({
    prisma: database.prisma,
    databaseUrl: database.url,
    sandboxConfig: { timing: { chargeBalanceTransactionDelayMs: 20, refundSettleDelayMs: 20 } },
  });
  // The staff request below runs the real router, which reaches the database and Stripe through db() and stripe().
  globals.payopsPrisma = database.prisma;
  globals.payopsStripe = createStripeClient({ apiUrl: harness.sandbox.url });
});
afterAll(async () => {
  globals.payopsPrisma = undefined;
  globals.payopsStripe = undefined;
  await harness?.stop();
  await database?.drop();
});

async function payOrder(): Promise<{ orderId: string; paymentIntentId: string }> {
  const order = await createPendingOrder(database.prisma, 2_000);
  const created = await harness.stripe.paymentIntents.create({
    amount: 2_000,
    currency: "usd",
    metadata: { order_id: order.id },
    automatic_payment_methods: { enabled: true, allow_redirects: "never" },
  });
  await harness.stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
  await harness.settle();
  return { orderId: order.id, paymentIntentId: created.id };
}

/** The chain of span names from a span up to its trace's root, all of which must have been exported. */
function ancestry(span: ReadableSpan, spans: ReadableSpan[]): string[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanContext().spanId, candidate]));
  const names = [span.name];
  let current = span;
  while (current.parentSpanContext?.spanId) {
    const parent = byId.get(current.parentSpanContext.spanId);
    if (!parent) throw new Error(`${current.name}'s parent was not exported: the trace is broken`);
    names.push(parent.name);
    current = parent;
  }
  return names;
}

describe("traces", () => {
  it("connect a paid order's webhook request, its job's processing and the ledger insert", async () => {
    exporter.reset();
    const { orderId } = await payOrder();
    const spans = exporter.getFinishedSpans();
    const capture = spans.find(
      (span) => span.name === "ledger.post_entry" && span.attributes["payops.ledger.kind"] === "payment_captured",
    );
    expect(capture, "a ledger span for the capture").toBeDefined();
    expect(capture!.attributes["payops.order_id"]).toBe(orderId);
    const stripeEventId = capture!.attributes["payops.stripe_event_id"];
    expect(stripeEventId).toMatch(/^evt_/);

    // The ledger insert sits under the event's processing, its job step and job, under the webhook request.
    const chain = ancestry(capture!, spans);
    const positions = [
      "stripe_event.process",
      "step process-event",
      "job process-stripe-event",
      "stripe.webhook.receive",
    ].map((name) => chain.indexOf(name));
    expect(
      positions.every((position) => position >= 0),
      chain.join(" < "),
    ).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(chain.at(-1)).toBe("stripe.webhook.receive");
    const receive = spans.find(
      (span) => span.name === "stripe.webhook.receive" && span.spanContext().traceId === capture!.spanContext().traceId,
    );
    expect(receive?.attributes["payops.stripe_event_id"]).toBe(stripeEventId);
    const processing = spans.find(
      (span) => span.name === "stripe_event.process" && span.spanContext().traceId === capture!.spanContext().traceId,
    );
    expect(processing?.attributes["payops.stripe_event_id"]).toBe(stripeEventId);
    // Prisma's own spans sit in the same trace (the ledger statement among them).
    const queries = spans.filter(
      (span) => span.name.startsWith("prisma:") && span.spanContext().traceId === capture!.spanContext().traceId,
    );
    expect(queries.length).toBeGreaterThan(0);
  });

  it("put a staff refund's Stripe call, with its idempotency key and never the secret key, in the staff request's trace", async () => {
    const { orderId } = await payOrder();
    const support = await database.prisma.staffUser.create({
      data: { email: "support@trace.test", name: "Support", role: "support", passwordHash: "not-used" },
    });
    const context: ApiContext = {
      requestId: "trace-test",
      headers: new Headers(),
      staff: { userId: support.id, email: support.email, name: support.name, role: "support" },
    };
    exporter.reset();
    const { refund } = await createCallerFactory(appRouter)(context).refunds.request({
      orderId,
      amountMinor: 500,
      reasonCode: "requested_by_customer",
      idempotencyKey: "trace-refund-0001",
    });

    const spans = exporter.getFinishedSpans();
    const procedure = spans.find((span) => span.name === "trpc refunds.request");
    expect(procedure?.attributes["rpc.method"]).toBe("refunds.request");
    const stripeCall = spans.find(
      (span) =>
        span.name === "stripe POST /v1/refunds" && span.spanContext().traceId === procedure!.spanContext().traceId,
    );
    expect(stripeCall, "the refund's Stripe call in the staff request's trace").toBeDefined();
    expect(ancestry(stripeCall!, spans).at(-1)).toBe("trpc refunds.request");
    expect(stripeCall!.attributes).toMatchObject({
      "stripe.idempotency_key": `refund:${refund.id}`,
      "http.request.method": "POST",
      "http.response.status_code": 200,
    });
    expect(stripeCall!.attributes["stripe.request_id"]).toMatch(/^req_/);
    const everything = JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events]));
    expect(everything).not.toContain(SANDBOX_SECRET_KEY);
    expect(everything).not.toMatch(/sk_(test|live)_/);
  });
});
