import fc from "fast-check";
import pg from "pg";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poisonNumber, poisonString, poisonValue } from "../../test/fuzz/input-arbitraries";
import { tableFingerprints } from "../../test/integration/table-fingerprints";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createStripeClient } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { HANDLED_EVENT_TYPES } from "./handled-event-types";
import type { InboxEvent } from "./parse-stripe-webhook";
import { processStripeEvent } from "./process-stripe-event";
import { receiveStripeWebhook, type WebhookReceiverDeps } from "./receive-stripe-webhook";

/**
 * Signed and unsigned Stripe bodies full of what PostgreSQL refuses (NULs, lone surrogates, huge
 * numbers, impossible `created`) through the real receiver and real PostgreSQL: a signed event
 * with an evt_ id, a type and a numeric created is stored and answered 200; anything else is a 4xx
 * that stores nothing; nothing is ever a 5xx. Every stored event then goes through processing,
 * which must end in an outcome or an ordinary failure recorded on its inbox row.
 */
const RUNS = Number(process.env.FUZZ_WEBHOOK_RUNS ?? 150);
const secret = "whsec_fuzz";
const signer = new Stripe("sk_test_fuzz");
let database: TestDatabase;
let sandbox: RunningSandbox;
let inbox: pg.Pool;
const dispatched: InboxEvent[] = [];
let deps: WebhookReceiverDeps;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ port: 0 })]);
  inbox = new pg.Pool({ connectionString: database.url, max: 4 });
  deps = { inbox, secrets: [secret], dispatch: async (event) => void dispatched.push(event) };
});
afterAll(async () => {
  await inbox?.end();
  await database?.drop();
  await sandbox?.stop();
});

const stripeObject = fc.record(
  {
    id: fc.oneof(fc.constantFrom("pi_1", "re_1", "du_1", "po_1", "ch_1"), poisonString),
    object: fc.oneof(fc.constantFrom("payment_intent", "refund", "dispute", "payout", "charge"), poisonString),
    amount: poisonNumber,
    currency: fc.oneof(fc.constantFrom("usd", "jpy"), poisonString),
    payment_intent: fc.oneof(fc.constant("pi_1"), poisonString),
    metadata: fc.dictionary(poisonString, poisonString, { maxKeys: 3 }),
    description: poisonString,
    extra: poisonValue,
  },
  { requiredKeys: [] },
);

const eventBody = fc.record(
  {
    id: fc.oneof(
      fc.uuid().map((id) => `evt_${id}`),
      poisonString.map((text) => `evt_${text}`),
      poisonString,
    ),
    object: fc.constant("event"),
    type: fc.oneof(fc.constantFrom(...HANDLED_EVENT_TYPES, "payout.reconciliation_completed"), poisonString),
    created: fc.oneof(fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }), poisonNumber, poisonString),
    livemode: fc.oneof(fc.boolean(), poisonValue),
    data: fc.oneof(
      { weight: 5, arbitrary: fc.record({ object: stripeObject }) },
      { weight: 1, arbitrary: poisonValue },
    ),
  },
  { requiredKeys: ["id", "type", "created"] },
);

const delivery = fc.record({
  body: fc.oneof(
    { weight: 8, arbitrary: eventBody.map((event) => JSON.stringify(event)) },
    { weight: 1, arbitrary: poisonString },
  ),
  signed: fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

function post(body: string, signed: boolean): Request {
  const signature = signed ? signer.webhooks.generateTestHeaderString({ payload: body, secret }) : "t=1,v1=forged";
  return new Request("http://localhost/api/stripe/webhook", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "stripe-signature": signature },
  });
}

function acceptable(body: string, signed: boolean): boolean {
  if (!signed) return false;
  try {
    const event = JSON.parse(body) as { id?: unknown; type?: unknown; created?: unknown };
    return (
      typeof event === "object" &&
      event !== null &&
      typeof event.id === "string" &&
      event.id.startsWith("evt_") &&
      typeof event.type === "string" &&
      typeof event.created === "number"
    );
  } catch {
    return false;
  }
}

describe("fuzzing webhook bodies", () => {
  it("never a 5xx: a signed event is stored and acknowledged, anything else refused without a write", {
    timeout: 120_000,
  }, async () => {
    const started = Date.now();
    let before = await tableFingerprints(database.prisma);
    const counts = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(delivery, async ({ body, signed }) => {
        const response = await receiveStripeWebhook(post(body, signed), deps);
        const after = await tableFingerprints(database.prisma);
        if (acceptable(body, signed)) {
          expect(response.status, body.slice(0, 200)).toBe(200);
          counts.stored += 1;
        } else {
          expect(response.status, body.slice(0, 200)).toBeGreaterThanOrEqual(400);
          expect(response.status, body.slice(0, 200)).toBeLessThan(500);
          expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual([]);
          counts.refused += 1;
        }
        before = after;
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261201), endOnFailure: true },
    );

    // Processing meets every stored event: an outcome, or a failure kept on its row (bounded, retried by the executor).
    const stripe = createStripeClient({ apiUrl: sandbox.url });
    let failed = 0;
    for (const { stripeEventId } of dispatched) {
      const attemptsBefore = (await database.prisma.stripeEvent.findUniqueOrThrow({ where: { stripeEventId } }))
        .attempts;
      try {
        await processStripeEvent(stripeEventId, { prisma: database.prisma, stripe });
      } catch (error) {
        failed += 1;
        expect(error).toBeInstanceOf(Error);
        const row = await database.prisma.stripeEvent.findUniqueOrThrow({ where: { stripeEventId } });
        expect(row.attempts, String(error)).toBe(attemptsBefore + 1);
        expect(row.lastError).toBeTruthy();
      }
    }
    console.log(
      `webhook fuzz: ${RUNS} deliveries (${counts.stored} stored, ${counts.refused} refused), ${dispatched.length} processed (${failed} failed cleanly) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(counts.stored).toBeGreaterThan(RUNS / 3);
  });
});
