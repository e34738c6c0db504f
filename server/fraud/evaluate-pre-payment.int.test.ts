import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { seedCatalogue } from "../catalogue/seed-catalogue";
import { BLOCKED_MESSAGE, createCheckout } from "../checkout/create-checkout";
import { createStripeClient } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { parseUsdRates } from "./attributes/usd-rates";
import { evaluatePrePayment } from "./evaluate-pre-payment";
import { forgetRuleSet } from "./load-rule-set";
import { recordPaymentDecline } from "./record-payment-decline";
import { postgresVelocityStore } from "./velocity/postgres-velocity-store";
import { redisVelocityStore } from "./velocity/redis-velocity-store";
import type { VelocityStore } from "./velocity/velocity-store";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;
let redis: Redis;
let productId: string;
const rates = parseUsdRates("USD=1,EUR=1.10,JPY=0.0067");

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({ port: 0 });
  stripe = createStripeClient({ apiUrl: sandbox.url });
  redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
  await seedCatalogue(database.prisma);
  productId = (await database.prisma.product.findFirstOrThrow({ orderBy: { slug: "asc" } })).id;
});
afterAll(async () => {
  await redis?.quit();
  await sandbox?.stop();
  await database?.drop();
});
beforeEach(async () => {
  await database.prisma.fraudRule.deleteMany();
  await database.prisma.fraudList.deleteMany();
  forgetRuleSet();
});

async function useRules(...sources: string[]) {
  await database.prisma.fraudRule.createMany({
    data: sources.map((source, position) => ({
      source,
      position,
      action: source.startsWith("Request") ? "request_3ds" : source.split(" ")[0]!.toLowerCase(),
    })),
  });
  forgetRuleSet();
}

const unique = () => randomBytes(4).toString("hex");
const checkoutRequest = (email: string, quantity = 1) => ({
  checkoutKey: `fraud-checkout-${unique()}-${Date.now()}`,
  email,
  shipping: { name: "Ada Lovelace", line1: "1 Main St", city: "London", postalCode: "SW1", country: "GB" },
  cart: { currency: "USD", lines: [{ productId, quantity }] },
});

const stores: [string, () => VelocityStore][] = [
  ["redis", () => redisVelocityStore(redis, `payops-test:${unique()}`)],
  ["postgres", () => postgresVelocityStore(database.prisma)],
];

describe.each(stores)("pre-payment decisions with velocity in %s", (_name, makeStore) => {
  const input = (email: string) => ({
    email,
    currency: "EUR",
    totalMinor: 100_000,
    itemCount: 1,
    shippingCountry: "FR",
    ipAddress: "203.0.113.7",
    ipCountry: "DE",
  });

  it("blocks the 7th attempt after 6 declined payments from one email within an hour", async () => {
    await useRules("Block if :declined_charges_per_email_hourly: >= 6");
    const velocity = makeStore();
    const email = `decliner-${unique()}@example.test`;
    const now = Date.now();
    const deps = (at: number) => ({ prisma: database.prisma, velocity, rates, hooks: [], now: () => new Date(at) });
    for (let attempt = 0; attempt < 6; attempt++) {
      const at = now - 50 * 60_000 + attempt * 60_000;
      expect((await evaluatePrePayment(input(email), deps(at))).outcome).toBe("allow");
      await velocity.record([{ kind: "email", value: email }], "decline", new Date(at + 1000));
    }
    const seventh = await evaluatePrePayment(input(email), deps(now));
    expect(seventh.outcome).toBe("block");
    expect(seventh.record.attributes.declined_charges_per_email_hourly).toBe("6");
    expect(seventh.record.attributes.total_charges_per_email_hourly).toBe("6");
    // Another email from the same address is unaffected by this email's declines.
    expect((await evaluatePrePayment(input(`other-${unique()}@example.test`), deps(now))).outcome).toBe("allow");
    // An hour later the declines have left the window.
    expect((await evaluatePrePayment(input(email), deps(now + 61 * 60_000))).outcome).toBe("allow");
  });

  it("records what it saw: attributes from their sources, each verdict, the deciding rule", async () => {
    await useRules(
      "Review if :amount_in_usd: > 1000 and :shipping_address_country: != :ip_country:",
      "Block if :risk_level: = 'highest'",
      "Request 3DS if :is_new_customer: and :is_disposable_email:",
    );
    const decision = await evaluatePrePayment(input(`Ada.${unique()}@Mailinator.com`), {
      prisma: database.prisma,
      velocity: makeStore(),
      rates,
      hooks: [],
    });
    expect(decision.outcome).toBe("request_3ds");
    expect(decision.record.attributes).toMatchObject({
      amount: "100000",
      amount_in_usd: "1100",
      currency: "eur",
      email_domain: "mailinator.com",
      is_disposable_email: true,
      is_new_customer: true,
      ip_country: "DE",
      shipping_address_country: "FR",
      total_charges_per_ip_address_hourly: expect.any(String),
    });
    expect(decision.record.attributes.risk_level).toBeUndefined();
    expect(decision.record.ruleVerdicts.map((verdict) => [verdict.action, verdict.matched])).toEqual([
      ["review", true],
      ["block", false],
      ["request_3ds", true],
    ]);
    expect(decision.reasons[0]).toBe("rule: Request 3DS if :is_new_customer: and :is_disposable_email:");
    expect(decision.record.durationMicros).toBeGreaterThan(0);
  });
});

describe("checkout acts on the pre-payment decision", () => {
  it("refuses neutrally, makes no PaymentIntent and stores the decision when a rule blocks", async () => {
    await useRules("Block if :email_domain: = 'blocked.test'");
    const before = (await stripe.paymentIntents.list({ limit: 100 })).data.length;
    const request = checkoutRequest(`eve-${unique()}@blocked.test`);
    const error = await createCheckout(request, { prisma: database.prisma, stripe }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: BLOCKED_MESSAGE });
    expect((await stripe.paymentIntents.list({ limit: 100 })).data.length).toBe(before);
    expect(await database.prisma.order.count({ where: { checkoutKey: request.checkoutKey } })).toBe(0);
    const stored = await database.prisma.fraudDecision.findFirstOrThrow({
      where: { checkoutKey: request.checkoutKey },
    });
    expect(stored).toMatchObject({ orderId: null, stage: "pre_payment", action: "block" });
    expect(stored.reasons).toEqual(["rule: Block if :email_domain: = 'blocked.test'"]);
  });

  it("asks the issuer for 3-D Secure when a Request 3DS rule decides, and the sandbox then authenticates", async () => {
    await useRules("Request 3DS if :is_new_customer:");
    const session = await createCheckout(checkoutRequest(`new-${unique()}@example.test`), {
      prisma: database.prisma,
      stripe,
    });
    const intent = await stripe.paymentIntents.retrieve(session.paymentIntentId);
    expect(intent.payment_method_options?.card?.request_three_d_secure).toBe("any");
    expect(intent.capture_method).not.toBe("manual");
    const confirmed = await stripe.paymentIntents.confirm(intent.id, {
      payment_method: "pm_card_visa",
      return_url: "http://127.0.0.1/return",
    });
    expect(confirmed.status).toBe("requires_action");
    const order = await database.prisma.order.findUniqueOrThrow({ where: { publicToken: session.orderToken } });
    const stored = await database.prisma.fraudDecision.findFirstOrThrow({ where: { orderId: order.id } });
    expect(stored.action).toBe("request_3ds");
  });

  it("authorises only (manual capture) when a Review rule decides", async () => {
    await useRules("Review if :amount: >= 1");
    const session = await createCheckout(checkoutRequest(`big-${unique()}@example.test`, 3), {
      prisma: database.prisma,
      stripe,
    });
    const intent = await stripe.paymentIntents.retrieve(session.paymentIntentId);
    expect(intent.capture_method).toBe("manual");
    expect(intent.payment_method_options?.card?.request_three_d_secure ?? null).toBeNull();
  });

  it("lets a trusted customer list override a block", async () => {
    const list = await database.prisma.fraudList.create({ data: { alias: "trusted_customers", kind: "email" } });
    const email = `vip-${unique()}@blocked.test`;
    await database.prisma.fraudListItem.create({ data: { listId: list.id, value: email } });
    await useRules("Block if :email_domain: = 'blocked.test'", "Allow if :email: in @trusted_customers");
    const session = await createCheckout(checkoutRequest(email.toUpperCase()), { prisma: database.prisma, stripe });
    expect(session.paymentIntentId).toMatch(/^pi_/);
  });
});

describe("declines counted from Stripe's failed payments", () => {
  it("counts a declined card against the order's email, checkout IP and card fingerprint", async () => {
    const email = `declined-${unique()}@example.test`;
    const session = await createCheckout(checkoutRequest(email), {
      prisma: database.prisma,
      stripe,
      ipAddress: "198.51.100.23",
    });
    const failed = await stripe.paymentIntents
      .confirm(session.paymentIntentId, { payment_method: "pm_card_chargeDeclined" })
      .catch(() =>
        stripe.paymentIntents.retrieve(session.paymentIntentId, { expand: ["last_payment_error.payment_method"] }),
      );
    expect(failed.last_payment_error).toBeTruthy();
    const at = new Date();
    await database.prisma.$transaction((tx) => recordPaymentDecline(tx, failed, at, postgresVelocityStore(tx)));
    const counts = await postgresVelocityStore(database.prisma).counts(
      [
        { kind: "email", value: email },
        { kind: "ip_address", value: "198.51.100.23" },
      ],
      new Date(at.getTime() + 1),
    );
    expect([...counts.values()].map((entry) => entry.declinesHour)).toEqual([1, 1]);
  });
});
