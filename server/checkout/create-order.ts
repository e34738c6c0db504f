import type { PricedCart } from "../catalogue/price-cart";
import { Prisma, type PrismaClient, type Tx } from "../db/client";
import type { FraudDecision } from "../fraud/fraud-hook";
import { type FraudDecisionRecord, recordFraudDecision } from "../fraud/record-fraud-decision";
import type { CheckoutRequest } from "./checkout-request";
import { ORDER_STATUS_PENDING_PAYMENT } from "./order-status";
import { newPublicToken } from "./public-token";

export type CreateOrderInput = {
  request: CheckoutRequest;
  cart: PricedCart;
  decision: FraudDecision & { record?: FraudDecisionRecord };
};

/**
 * Writes the customer (by email), the order at pending_payment, its items, its first history row
 * and the fraud decision in one transaction. Returns the order id and whether this call made it:
 * when another request with the same checkout key won the race, the unique key makes this insert
 * fail and that order is returned instead.
 */
export async function createOrder(
  prisma: PrismaClient,
  { request, cart, decision }: CreateOrderInput,
): Promise<{ orderId: string; created: boolean }> {
  try {
    const orderId = await prisma.$transaction(async (tx) => {
      const customer = await upsertCustomer(tx, request.email, request.shipping.name);
      const order = await tx.order.create({
        data: {
          publicToken: newPublicToken(),
          checkoutKey: request.checkoutKey,
          customerId: customer.id,
          status: ORDER_STATUS_PENDING_PAYMENT,
          currency: cart.currency,
          subtotalMinor: cart.subtotalMinor,
          totalMinor: cart.subtotalMinor,
          shippingName: request.shipping.name,
          shippingLine1: request.shipping.line1,
          shippingLine2: request.shipping.line2 || null,
          shippingCity: request.shipping.city,
          shippingPostalCode: request.shipping.postalCode,
          shippingCountry: request.shipping.country,
          items: {
            create: cart.lines.map((line) => ({
              productId: line.productId,
              productName: line.name,
              quantity: line.quantity,
              currency: cart.currency,
              unitPriceMinor: line.unitAmountMinor,
              lineTotalMinor: line.lineTotalMinor,
            })),
          },
          statusHistory: {
            create: {
              fromStatus: null,
              toStatus: ORDER_STATUS_PENDING_PAYMENT,
              cause: "checkout",
              note: decision.outcome === "allow" ? null : `fraud pre-check: ${decision.outcome}`,
            },
          },
        },
        select: { id: true },
      });
      await tx.checkoutFraudDecision.create({
        data: { orderId: order.id, outcome: decision.outcome, reasons: decision.reasons },
      });
      if (decision.record) {
        await recordFraudDecision(tx, decision.record, { orderId: order.id, checkoutKey: request.checkoutKey });
      }
      return order.id;
    });
    return { orderId, created: true };
  } catch (error) {
    if (!isCheckoutKeyConflict(error)) throw error;
    const existing = await prisma.order.findUniqueOrThrow({
      where: { checkoutKey: request.checkoutKey },
      select: { id: true },
    });
    return { orderId: existing.id, created: false };
  }
}

/**
 * One customer per email, race-free: Prisma's upsert reads, then inserts, so simultaneous first
 * checkouts for one email collided on the unique key. ON CONFLICT waits for the other insert and
 * returns its row; the no-op update is what makes RETURNING give the existing id.
 */
async function upsertCustomer(tx: Tx, email: string, name: string): Promise<{ id: string }> {
  const [customer] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO customers (id, email, name) VALUES (gen_random_uuid(), ${email}, ${name})
    ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
    RETURNING id`;
  return customer!;
}

function isCheckoutKeyConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  // With a driver adapter the target is reported under driverAdapterError; match either shape.
  return JSON.stringify(error.meta ?? {}).includes("checkout_key");
}
