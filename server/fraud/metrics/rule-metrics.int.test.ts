import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/integration/test-database";
import { seedOrders } from "../../orders-workspace/seed-orders";
import { ruleMetrics } from "./rule-metrics";

let database: TestDatabase;
let reviewRule: string;
let allowRule: string;
let orders: { id: string; currency: string }[];
const now = new Date("2026-12-01T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedOrders(database.prisma, { count: 6, daysBack: 1 });
  orders = await database.prisma.order.findMany({ select: { id: true, currency: true }, orderBy: { id: "asc" } });
  reviewRule = (
    await database.prisma.fraudRule.create({
      data: { source: "Review if :amount_in_usd: > 100", action: "review", position: 0 },
    })
  ).id;
  allowRule = (
    await database.prisma.fraudRule.create({
      data: { source: "Allow if :email: in @trusted", action: "allow", position: 1 },
    })
  ).id;
});
afterAll(async () => {
  await database?.drop();
});

/** One stored decision with both rules' verdicts. */
async function decide(input: {
  orderId?: string;
  checkoutKey?: string;
  stage?: string;
  action: string;
  review: boolean;
  allow: boolean;
  at: Date;
}) {
  await database.prisma.fraudDecision.create({
    data: {
      orderId: input.orderId ?? null,
      checkoutKey: input.checkoutKey ?? null,
      stage: input.stage ?? "pre_payment",
      action: input.action,
      decidingRuleId: input.review ? reviewRule : input.allow ? allowRule : null,
      attributes: {},
      ruleVerdicts: [
        { ruleId: reviewRule, version: 1, action: "review", matched: input.review },
        { ruleId: allowRule, version: 1, action: "allow", matched: input.allow },
      ],
      reasons: [],
      durationMicros: 100,
      createdAt: input.at,
    },
  });
}

it("counts each rule's hits per payment and per day, the reviews analysts overruled, and disputes it let through", async () => {
  const [a, b, c, d] = orders;
  // Order a: matched before payment and again after authorisation (one payment, one hit), held, approved.
  await decide({ orderId: a!.id, action: "review", review: true, allow: false, at: hoursAgo(30) });
  await decide({
    orderId: a!.id,
    stage: "post_authorisation",
    action: "review",
    review: true,
    allow: false,
    at: hoursAgo(29),
  });
  // Order b: held, rejected.
  await decide({ orderId: b!.id, action: "review", review: true, allow: false, at: hoursAgo(2) });
  // Order c: nothing matched; later disputed (both rules let it through).
  await decide({ orderId: c!.id, action: "allow", review: false, allow: false, at: hoursAgo(3) });
  // Order d: the Allow rule let it through; disputed.
  await decide({ orderId: d!.id, action: "allow", review: false, allow: true, at: hoursAgo(4) });
  // A checkout with no order matched the review rule; and one decision outside the window.
  await decide({ checkoutKey: "blocked-1", action: "review", review: true, allow: false, at: hoursAgo(1) });
  await decide({ checkoutKey: "old", action: "review", review: true, allow: false, at: hoursAgo(24 * 40) });
  for (const [order, status] of [
    [a!, "approved"],
    [b!, "rejected"],
  ] as const) {
    await database.prisma.fraudReview.create({
      data: {
        orderId: order.id,
        paymentIntentId: `pi_metrics_${order.id}`,
        source: "rules",
        status,
        reasons: [],
        amountMinor: 1000,
        currency: order.currency,
        authorisedAt: hoursAgo(29),
      },
    });
  }
  for (const [index, order] of [c!, d!].entries()) {
    const payment = await database.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    await database.prisma.dispute.create({
      data: {
        stripeDisputeId: `du_metrics_${index}`,
        stripeChargeId: `ch_metrics_${index}`,
        orderId: order.id,
        paymentId: payment.id,
        reason: "fraudulent",
        status: "needs_response",
        currency: payment.currency,
        amountMinor: payment.amountMinor,
      },
    });
  }

  const { days, rules } = await ruleMetrics(database.prisma, { days: 30, now });
  expect(days).toHaveLength(31);
  expect(days.at(-1)).toBe("2026-12-01");
  const review = rules.find((rule) => rule.ruleId === reviewRule)!;
  const allow = rules.find((rule) => rule.ruleId === allowRule)!;
  expect(review).toMatchObject({ hits: 3, reviewsSettled: 2, reviewsOverruled: 1, disputesLetThrough: 2 });
  expect(review.hitsByDay.find((entry) => entry.day === "2026-11-30")?.hits).toBe(1);
  expect(review.hitsByDay.find((entry) => entry.day === "2026-12-01")?.hits).toBe(2);
  expect(review.hitsByDay.reduce((sum, entry) => sum + entry.hits, 0)).toBe(3);
  expect(allow).toMatchObject({ hits: 1, reviewsSettled: 0, reviewsOverruled: 0, disputesLetThrough: 1 });
});
