import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { priceCart } from "../catalogue/price-cart";
import { seedCatalogue } from "../catalogue/seed-catalogue";
import type { FraudDecision, FraudHook } from "../fraud/fraud-hook";
import { applyPaymentIntentToOrder } from "../orders/apply-payment-intent";
import { createStripeClient } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { parseCheckoutRequest } from "./checkout-request";
import { BLOCKED_MESSAGE, createCheckout } from "./create-checkout";
import { createOrder } from "./create-order";
import { getCustomerOrder } from "./get-customer-order";
import { resumePayment } from "./resume-payment";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;
let productIds: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({ port: 0 });
  stripe = createStripeClient({ apiUrl: sandbox.url });
  await seedCatalogue(database.prisma);
  const products = await database.prisma.product.findMany({ orderBy: { slug: "asc" }, take: 2 });
  productIds = products.map((product) => product.id);
});

afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

let keys = 0;
function request(overrides: Record<string, unknown> = {}) {
  keys += 1;
  return {
    checkoutKey: `checkout-key-${keys}-${Date.now()}`,
    email: "Ada@Example.com",
    shipping: {
      name: "Ada Lovelace",
      line1: "12 St James's Square",
      city: "London",
      postalCode: "SW1Y 4JH",
      country: "gb",
    },
    cart: {
      currency: "USD",
      lines: [
        { productId: productIds[0], quantity: 1 },
        { productId: productIds[1], quantity: 2 },
      ],
    },
    ...overrides,
  };
}

const deps = () => ({ prisma: database.prisma, stripe });
const orderDeps = () => ({
  ...deps(),
  applyPaymentIntent: (intent: Stripe.PaymentIntent, cause: { kind: "return_page" }) =>
    applyPaymentIntentToOrder(intent, cause, { prisma: database.prisma }),
});

async function paymentIntentsFor(orderId: string): Promise<Stripe.PaymentIntent[]> {
  const all = await stripe.paymentIntents.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  return all.filter((intent) => intent.metadata.order_id === orderId);
}

describe("createCheckout", () => {
  it("prices the order from the catalogue and makes its PaymentIntent", async () => {
    const session = await createCheckout(request(), deps());
    const order = await database.prisma.order.findUniqueOrThrow({
      where: { publicToken: session.orderToken },
      include: { items: true, payments: true, customer: true, statusHistory: true },
    });
    const prices = await database.prisma.productPrice.findMany({
      where: { productId: { in: productIds }, currency: "USD" },
    });
    const expected = prices.reduce(
      (sum, price) => sum + price.amountMinor * (price.productId === productIds[0] ? 1 : 2),
      0,
    );
    expect(order.status).toBe("pending_payment");
    expect(order.totalMinor).toBe(expected);
    expect(order.customer.email).toBe("ada@example.com");
    expect(order.shippingCountry).toBe("GB");
    expect(order.statusHistory.map((row) => row.toStatus)).toEqual(["pending_payment"]);
    expect(order.publicToken).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const intent = await stripe.paymentIntents.retrieve(session.paymentIntentId);
    expect(intent.amount).toBe(expected);
    expect(intent.currency).toBe("usd");
    expect(intent.metadata.order_id).toBe(order.id);
    expect(intent.capture_method).not.toBe("manual");
    expect(order.payments.map((payment) => payment.stripePaymentIntentId)).toEqual([intent.id]);
    expect(session.shippingAddress).toEqual([
      "Ada Lovelace",
      "12 St James's Square",
      "London",
      "SW1Y 4JH",
      "United Kingdom",
    ]);
  });

  it("gives the payment step the shipping address as the destination's post writes it", async () => {
    const session = await createCheckout(
      request({
        shipping: {
          name: "Grace Hopper",
          line1: "1600 Amphitheatre Parkway",
          city: "Mountain View",
          postalCode: "94043",
          country: "US",
        },
      }),
      deps(),
    );
    expect(session.shippingAddress).toEqual([
      "Grace Hopper",
      "1600 Amphitheatre Parkway",
      "Mountain View, 94043",
      "United States of America",
    ]);
  });

  it("20 simultaneous checkouts for a new email all succeed with one customer row (no unique-key 500)", async () => {
    const email = `new-buyer-${Date.now()}@example.com`;
    const attempts = Array.from({ length: 20 }, () => request({ email }));
    // Priced once up front, so the twenty reach the customer write together, as a burst of requests does.
    const cart = await priceCart(attempts[0]!.cart, database.prisma);
    const decision: FraudDecision = { outcome: "allow", reasons: [] };
    const outcomes = await Promise.allSettled(
      attempts.map((attempt) =>
        createOrder(database.prisma, { request: parseCheckoutRequest(attempt), cart, decision }),
      ),
    );
    const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [String(outcome.reason)] : []));
    expect(failures).toEqual([]);
    const customers = await database.prisma.customer.findMany({ where: { email }, include: { orders: true } });
    expect(customers).toHaveLength(1);
    expect(customers[0]!.orders).toHaveLength(20);
  });

  it("makes one order and one PaymentIntent for two simultaneous calls with the same key", async () => {
    const same = request();
    const sessions = await Promise.all([createCheckout(same, deps()), createCheckout(same, deps())]);
    expect(new Set(sessions.map((session) => session.orderToken)).size).toBe(1);
    expect(new Set(sessions.map((session) => session.paymentIntentId)).size).toBe(1);
    expect(sessions.map((session) => session.created).sort()).toEqual([false, true]);

    const orders = await database.prisma.order.findMany({
      where: { checkoutKey: same.checkoutKey },
      include: { payments: true },
    });
    expect(orders).toHaveLength(1);
    expect(orders[0]!.payments).toHaveLength(1);
    expect(await paymentIntentsFor(orders[0]!.id)).toHaveLength(1);

    const again = await createCheckout(same, deps());
    expect(again).toMatchObject({ orderToken: sessions[0]!.orderToken, paymentIntentId: sessions[0]!.paymentIntentId });
    expect(await paymentIntentsFor(orders[0]!.id)).toHaveLength(1);
  });

  it("refuses a known checkout key sent with a different cart", async () => {
    const first = request();
    await createCheckout(first, deps());
    const changed = { ...first, cart: { currency: "USD", lines: [{ productId: productIds[0], quantity: 5 }] } };
    await expect(createCheckout(changed, deps())).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rejects an empty cart and bad details with a reason", async () => {
    await expect(createCheckout(request({ cart: { currency: "USD", lines: [] } }), deps())).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Your cart is empty.",
    });
    await expect(createCheckout(request({ email: "not-an-email" }), deps())).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Enter a valid email address",
    });
  });

  it("authorises only (manual capture) when the fraud pre-check asks for review", async () => {
    const review: FraudHook = {
      name: "test",
      decide: () => ({ outcome: "review", reasons: ["new customer, large order"] }),
    };
    const session = await createCheckout(request(), { ...deps(), fraudHooks: [review] });
    const intent = await stripe.paymentIntents.retrieve(session.paymentIntentId);
    expect(intent.capture_method).toBe("manual");
    const order = await database.prisma.order.findUniqueOrThrow({ where: { publicToken: session.orderToken } });
    const decision = await database.prisma.checkoutFraudDecision.findUniqueOrThrow({ where: { orderId: order.id } });
    expect(decision).toMatchObject({ outcome: "review", reasons: ["test: new customer, large order"] });
  });

  it("refuses with a neutral message, and makes nothing, when the pre-check blocks", async () => {
    const block: FraudHook = { name: "test", decide: () => ({ outcome: "block", reasons: ["card testing pattern"] }) };
    const blocked = request();
    const error = await createCheckout(blocked, { ...deps(), fraudHooks: [block] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: BLOCKED_MESSAGE });
    expect(String((error as Error).message)).not.toMatch(/card testing|fraud/i);
    expect(await database.prisma.order.count({ where: { checkoutKey: blocked.checkoutKey } })).toBe(0);
  });
});

describe("paying the order", () => {
  it("explains a decline and takes another card on the same PaymentIntent, then shows Paid", async () => {
    const session = await createCheckout(request(), deps());
    await stripe.paymentIntents
      .confirm(session.paymentIntentId, { payment_method: "pm_card_chargeDeclinedInsufficientFunds" })
      .catch(() => undefined);

    const declined = await getCustomerOrder(orderDeps(), session.orderToken, { syncIntervalMs: 0 });
    expect(declined.canPay).toBe(true);
    expect(declined.paymentProblem).toBe("Your card has insufficient funds. Try another card.");

    const resumed = await resumePayment(deps(), session.orderToken);
    expect(resumed.paymentIntentId).toBe(session.paymentIntentId);

    await stripe.paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" });
    const paid = await getCustomerOrder(orderDeps(), session.orderToken, { syncIntervalMs: 0 });
    expect(paid).toMatchObject({ status: "paid", statusLabel: "Paid", watching: false, canPay: false });
    const order = await database.prisma.order.findUniqueOrThrow({ where: { publicToken: session.orderToken } });
    expect(await paymentIntentsFor(order.id)).toHaveLength(1);

    // The receipt a customer keeps: number, date, lines with prices, where it goes, the card.
    expect(paid.receipt).toMatchObject({
      orderNumber: order.id.slice(0, 8).toUpperCase(),
      paidWith: "Visa •••• 4242",
      shippingAddress: ["Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "United Kingdom"],
      refundNote: null,
      disputeNote: null,
    });
    expect(paid.receipt.placedOn).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} [AP]M UTC$/);
    expect(paid.receipt.lines).toHaveLength(2);
    for (const line of paid.receipt.lines) expect(line.unitPrice).toMatch(/^\$\d/);
    expect(paid.receipt.total).toBe(paid.total);

    // Partly refunded, then disputed: the receipt says how much came back, when, and what the dispute means.
    const payment = await database.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    await database.prisma.refund.create({
      data: {
        orderId: order.id,
        paymentId: payment.id,
        status: "succeeded",
        currency: "USD",
        amountMinor: 500,
        reasonCode: "damaged",
        source: "staff",
        updatedAt: new Date("2026-11-30T23:30:00Z"),
      },
    });
    await database.prisma.dispute.create({
      data: {
        stripeDisputeId: `du_${order.id}`,
        stripeChargeId: payment.latestChargeId ?? "ch_x",
        orderId: order.id,
        paymentId: payment.id,
        status: "needs_response",
        reason: "fraudulent",
        currency: "USD",
        amountMinor: order.totalMinor,
      },
    });
    const receipt = (await getCustomerOrder(orderDeps(), session.orderToken, { syncIntervalMs: 0 })).receipt;
    expect(receipt.refundNote).toMatch(/^\$5\.00 of \$[\d,.]+ refunded, last on [A-Z][a-z]{2} \d{1,2}, 2026\./);
    expect(receipt.disputeNote).toContain("you disputed");
  });

  it("makes the next attempt only once Stripe has canceled the PaymentIntent", async () => {
    const session = await createCheckout(request(), deps());
    expect((await resumePayment(deps(), session.orderToken)).paymentIntentId).toBe(session.paymentIntentId);
    await stripe.paymentIntents.cancel(session.paymentIntentId);
    const next = await resumePayment(deps(), session.orderToken);
    expect(next.paymentIntentId).not.toBe(session.paymentIntentId);
    expect((await resumePayment(deps(), session.orderToken)).paymentIntentId).toBe(next.paymentIntentId);
    const order = await database.prisma.order.findUniqueOrThrow({ where: { publicToken: session.orderToken } });
    expect((await paymentIntentsFor(order.id)).map((intent) => intent.id).sort()).toEqual(
      [session.paymentIntentId, next.paymentIntentId].sort(),
    );
  });

  it("does not find an order by anything but its token", async () => {
    const session = await createCheckout(request(), deps());
    const order = await database.prisma.order.findUniqueOrThrow({ where: { publicToken: session.orderToken } });
    await expect(getCustomerOrder(orderDeps(), order.id, { syncIntervalMs: 0 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
