import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { PrismaClient } from "../../db/client";
import type { StaffRole } from "../../db/generated/enums";
import { runTransaction } from "../../db/run-transaction";
import { idOf } from "../../stripe/expandable";

export type PaidOrder = { orderId: string; paymentId: string; paymentIntentId: string; itemIds: string[] };

/** A staff member for tests; the password hash is never checked here. */
export async function createTestStaff(prisma: PrismaClient, role: StaffRole) {
  const user = await prisma.staffUser.create({
    data: { email: `${role}-${randomUUID()}@payops.test`, name: `Test ${role}`, role, passwordHash: "unused" },
  });
  return { id: user.id, role: user.role };
}

/**
 * An order paid in the sandbox with the given card, recorded as the webhook pipeline would record it
 * (a payment row with the captured amount), so refunds and disputes have something real to act on.
 */
export async function seedPaidOrder(
  prisma: PrismaClient,
  stripe: Stripe,
  options: {
    lines: { name: string; quantity: number; lineTotalMinor: number }[];
    paymentMethod?: string;
    currency?: string;
    /** "manual": the card is only authorised and the order waits in review, as checkout holds it. */
    captureMethod?: "manual";
  },
): Promise<PaidOrder> {
  const currency = options.currency ?? "USD";
  const totalMinor = options.lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const suffix = randomUUID();
  const order = await prisma.order.create({
    data: {
      publicToken: `tok_${suffix}`,
      status: options.captureMethod === "manual" ? "in_review" : "paid",
      currency,
      subtotalMinor: totalMinor,
      totalMinor,
      shippingName: "Grace Hopper",
      shippingLine1: "1 Compiler Lane",
      shippingCity: "Arlington",
      shippingPostalCode: "22201",
      shippingCountry: "US",
      customer: { create: { email: `grace-${suffix}@example.com`, name: "Grace Hopper" } },
      items: {
        create: await Promise.all(
          options.lines.map(async (line) => ({
            quantity: line.quantity,
            currency,
            unitPriceMinor: Math.round(line.lineTotalMinor / line.quantity),
            lineTotalMinor: line.lineTotalMinor,
            productName: line.name,
            product: { connect: { id: await productId(prisma, line.name) } },
          })),
        ),
      },
    },
    include: { items: { orderBy: { productName: "asc" } } },
  });
  // As checkout does: the PaymentIntent names its order, so its webhooks find it.
  const intent = await stripe.paymentIntents.create({
    amount: totalMinor,
    currency: currency.toLowerCase(),
    payment_method: options.paymentMethod ?? "pm_card_visa",
    confirm: true,
    ...(options.captureMethod ? { capture_method: options.captureMethod } : {}),
    metadata: { order_id: order.id },
  });
  const paymentFields = {
    status: intent.status,
    currency,
    amountMinor: totalMinor,
    amountCapturedMinor: intent.amount_received,
    ...(options.captureMethod ? { captureMethod: intent.capture_method } : {}),
    latestChargeId: idOf(intent.latest_charge),
  };
  // A running webhook pipeline may record the payment first from the PaymentIntent's own events.
  // Both write the same rows, so PostgreSQL may abort this one as a deadlock victim: run it again.
  const payment = await runTransaction(prisma, (tx) =>
    tx.payment.upsert({
      where: { stripePaymentIntentId: intent.id },
      create: { orderId: order.id, stripePaymentIntentId: intent.id, ...paymentFields },
      update: paymentFields,
    }),
  );
  return {
    orderId: order.id,
    paymentId: payment.id,
    paymentIntentId: intent.id,
    itemIds: order.items.map((item) => item.id),
  };
}

async function productId(prisma: PrismaClient, name: string): Promise<string> {
  const slug = name.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-");
  const product = await prisma.product.upsert({
    where: { slug },
    update: {},
    create: { slug, name, description: name, imagePath: `/products/${slug}.svg` },
    select: { id: true },
  });
  return product.id;
}
