import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { runTransaction } from "../db/run-transaction";
import { dispatchDueEffects } from "../jobs/outbox/dispatch-due-effects";
import { type RunningMailCatcher, startMailCatcher } from "../mail-catcher";
import { applyPaymentIntentToOrder } from "../orders/apply-payment-intent";
import { requestRefund } from "../refunds/request-refund";
import { syncRefundFromStripe } from "../refunds/sync-refund-from-stripe";
import { createTestStaff, seedPaidOrder } from "../refunds/testing/seed-paid-order";
import { createStripeClient } from "../stripe/client";
import { controlHeaders, type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { customerMailEffects } from "./customer-mail-effects";
import { createSmtpMailer } from "./smtp-mailer";

let database: TestDatabase;
let sandbox: RunningSandbox;
let catcher: RunningMailCatcher;
let stripe: Stripe;

beforeAll(async () => {
  [database, sandbox, catcher] = await Promise.all([
    createTestDatabase(),
    startSandbox({ port: 0 }),
    startMailCatcher(),
  ]);
  stripe = createStripeClient({ apiUrl: sandbox.url });
});
afterAll(async () => {
  await catcher?.stop();
  await sandbox?.stop();
  await database?.drop();
});

const appUrl = "http://shop.test";
const mails = () =>
  customerMailEffects({
    mailer: () => createSmtpMailer(catcher.smtpUrl, "PayOps Shop <orders@payops.test>"),
    appUrl: () => appUrl,
  });

async function sendDueMails(performers = mails()) {
  return dispatchDueEffects(performers, { prisma: database.prisma, stripe });
}

/** The order paid, applied through the one path webhooks and the return page use. */
async function payOrder(lines: { name: string; quantity: number; lineTotalMinor: number }[], currency: string) {
  const order = await seedPaidOrder(database.prisma, stripe, { lines, currency });
  const intent = await stripe.paymentIntents.retrieve(order.paymentIntentId, { expand: ["latest_charge"] });
  await applyPaymentIntentToOrder(intent, { kind: "return_page" }, { prisma: database.prisma });
  const row = await database.prisma.order.findUniqueOrThrow({
    where: { id: order.orderId },
    include: { customer: true },
  });
  return {
    ...order,
    email: row.customer.email,
    publicToken: row.publicToken,
    orderNumber: row.id.slice(0, 8).toUpperCase(),
  };
}

async function refundSettled(orderId: string, amountMinor: number, key: string) {
  const support = await createTestStaff(database.prisma, "support");
  const { refund } = await requestRefund(
    { orderId, amountMinor, reasonCode: "goodwill", idempotencyKey: key, requestedBy: support },
    { prisma: database.prisma, stripe, approvalThresholdMinor: 1_000_000 },
  );
  const settled = await fetch(`${sandbox.url}/_sandbox/refunds/settle`, {
    method: "POST",
    headers: controlHeaders(sandbox.controlToken),
  });
  expect(settled.ok).toBe(true);
  const atStripe = await stripe.refunds.retrieve(refund.stripeRefundId!);
  expect(atStripe.status).toBe("succeeded");
  await runTransaction(database.prisma, (tx) => syncRefundFromStripe(tx, atStripe, { kind: "api" }));
  return refund;
}

describe("customer mails through the outbox and SMTP", () => {
  it("a paid USD order's confirmation and a partial refund's notice arrive with the amounts in dollars", async () => {
    const order = await payOrder([{ name: "Stoneware mug", quantity: 2, lineTotalMinor: 5_400 }], "USD");
    // Seen again (a webhook after the return page): still one mail.
    const again = await stripe.paymentIntents.retrieve(order.paymentIntentId, { expand: ["latest_charge"] });
    await applyPaymentIntentToOrder(again, { kind: "return_page" }, { prisma: database.prisma });
    await sendDueMails();

    const confirmation = await catcher.waitFor((mail) => mail.to.includes(order.email));
    expect(confirmation.subject).toBe(`Your order ${order.orderNumber} is confirmed`);
    expect(confirmation.from).toBe("orders@payops.test");
    expect(confirmation.text).toContain("2 × Stoneware mug");
    expect(confirmation.text).toContain("$54.00");
    expect(confirmation.html).toContain("$54.00");
    expect(confirmation.text).toContain(`${appUrl}/orders/${order.publicToken}`);
    expect(confirmation.messageId).toContain(order.orderId);
    // A newcomer reads the same mail on the catcher's web page.
    const inbox = await (await fetch(catcher.webUrl)).text();
    expect(inbox).toContain(`Your order ${order.orderNumber} is confirmed`);
    const page = await (await fetch(`${catcher.webUrl}/mails/${confirmation.id}`)).text();
    expect(page).toContain("$54.00");

    await refundSettled(order.orderId, 1_250, `mail-usd-${order.orderId}`);
    await sendDueMails();
    const notice = await catcher.waitFor(
      (mail) => mail.to.includes(order.email) && mail.subject.startsWith("A refund"),
    );
    expect(notice.subject).toBe(`A refund of $12.50 for order ${order.orderNumber}`);
    expect(notice.text).toContain("We refunded $12.50 of your order");
    expect(notice.text).toContain("($54.00)");

    // Sending again sends nothing more: each fact is one outbox row, done.
    await sendDueMails();
    expect(catcher.mails().filter((mail) => mail.to.includes(order.email))).toHaveLength(2);
  });

  it("a JPY order's mails carry yen with no decimals", async () => {
    const order = await payOrder([{ name: "Tea bowl", quantity: 1, lineTotalMinor: 5_400 }], "JPY");
    await sendDueMails();
    const confirmation = await catcher.waitFor((mail) => mail.to.includes(order.email));
    expect(confirmation.text).toContain("¥5,400");
    expect(confirmation.text).not.toMatch(/¥5,400\.|54\.00/);

    await refundSettled(order.orderId, 5_400, `mail-jpy-${order.orderId}`);
    await sendDueMails();
    const notice = await catcher.waitFor(
      (mail) => mail.to.includes(order.email) && mail.subject.startsWith("A refund"),
    );
    expect(notice.subject).toBe(`A refund of ¥5,400 for order ${order.orderNumber}`);
    expect(notice.text).toContain("refunded in full: ¥5,400");
    expect(notice.text).not.toContain("¥5,400.00");
  });

  it("a declined attempt mails the customer Stripe's reason once", async () => {
    const order = await payOrder([{ name: "Brass pen", quantity: 1, lineTotalMinor: 2_000 }], "EUR");
    await sendDueMails();
    const declined = await stripe.paymentIntents.create({
      amount: 2_000,
      currency: "eur",
      metadata: { order_id: order.orderId },
    });
    await stripe.paymentIntents
      .confirm(declined.id, { payment_method: "pm_card_chargeDeclined" })
      .catch(() => undefined);
    const failed = await stripe.paymentIntents.retrieve(declined.id, { expand: ["latest_charge"] });
    expect(failed.status).toBe("requires_payment_method");
    await applyPaymentIntentToOrder(failed, { kind: "return_page" }, { prisma: database.prisma });
    await applyPaymentIntentToOrder(failed, { kind: "return_page" }, { prisma: database.prisma });
    await sendDueMails();
    const notice = await catcher.waitFor(
      (mail) => mail.to.includes(order.email) && mail.subject.includes("did not go through"),
    );
    expect(notice.text).toContain("€20.00");
    expect(notice.text).toContain("Your card was declined");
    expect(
      catcher.mails().filter((mail) => mail.subject.includes("did not go through") && mail.to.includes(order.email)),
    ).toHaveLength(1);
  });

  it("without SMTP_URL a mail is recorded as not sent and nothing fails or waits", async () => {
    const order = await payOrder([{ name: "Linen apron", quantity: 1, lineTotalMinor: 3_300 }], "GBP");
    const before = catcher.mails().length;
    await sendDueMails(customerMailEffects({ mailer: () => null, appUrl: () => appUrl }));
    const effect = await database.prisma.outboxEffect.findFirstOrThrow({
      where: { kind: "mail.order.confirmation", subjectId: order.orderId },
    });
    expect(effect).toMatchObject({ status: "done", result: "not sent: SMTP_URL is not set" });
    expect(catcher.mails()).toHaveLength(before);
  });
});
