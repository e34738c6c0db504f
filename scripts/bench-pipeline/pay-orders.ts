import type Stripe from "stripe";
import { createCheckout } from "../../server/checkout/create-checkout";
import type { PrismaClient } from "../../server/db/client";
import type { RunningSandbox } from "../../server/stripe-sandbox";

/** A recorded event: the body Stripe (the sandbox) would post, and what it is about. */
export type RecordedEvent = { id: string; type: string; body: string; paymentIntentId: string };

async function inParallel(total: number, concurrency: number, task: (index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Real orders paid through the sandbox: each a checkout (the catalogue, the fraud pre-check, the
 * order, its PaymentIntent) confirmed with a test card. Returns the PaymentIntents, in order.
 */
export async function payOrders(
  deps: { prisma: PrismaClient; stripe: Stripe },
  options: { count: number; label: string; concurrency?: number },
): Promise<string[]> {
  const products = await deps.prisma.product.findMany({ select: { id: true }, orderBy: { slug: "asc" } });
  const paymentIntents: string[] = new Array(options.count);
  await inParallel(options.count, options.concurrency ?? 12, async (index) => {
    const session = await createCheckout(
      {
        checkoutKey: `bench-${options.label}-${process.pid}-${index.toString().padStart(6, "0")}`,
        email: `buyer-${options.label}-${index}@bench.payops.test`,
        shipping: { name: "Bench Buyer", line1: "1 Load Street", city: "Leeds", postalCode: "LS1 1AA", country: "GB" },
        cart: {
          currency: ["USD", "EUR", "JPY"][index % 3],
          lines: [{ productId: products[index % products.length]!.id, quantity: 1 + (index % 3) }],
        },
      },
      { ...deps, ipAddress: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` },
    );
    await deps.stripe.paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" });
    paymentIntents[index] = session.paymentIntentId;
  });
  return paymentIntents;
}

function paymentIntentOf(object: { object?: string; id?: string; payment_intent?: unknown }): string | null {
  if (object.object === "payment_intent") return object.id ?? null;
  const target = object.payment_intent;
  if (typeof target === "string") return target;
  if (target && typeof target === "object" && "id" in target) return String((target as { id: string }).id);
  return null;
}

/** Waits until the sandbox has nothing due (charges' balance transactions arrive a moment later). */
export async function waitForSandboxQuiet(sandbox: RunningSandbox, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const sb = sandbox.runtime.sb;
  while (sb.state.tasks.some((task) => task.dueAtMs <= sb.nowMs() + 5_000)) {
    if (Date.now() > deadline) throw new Error("the sandbox did not finish its scheduled work");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The events the sandbox recorded about these PaymentIntents, in the order it emitted them. */
export function recordedEvents(sandbox: RunningSandbox, paymentIntents: readonly string[]): RecordedEvent[] {
  const wanted = new Set(paymentIntents);
  const events: RecordedEvent[] = [];
  for (const event of Object.values(sandbox.runtime.sb.state.events) as Stripe.Event[]) {
    const paymentIntentId = paymentIntentOf(event.data.object as { object?: string; id?: string });
    if (!paymentIntentId || !wanted.has(paymentIntentId)) continue;
    events.push({ id: event.id, type: event.type, body: JSON.stringify(event), paymentIntentId });
  }
  return events;
}
