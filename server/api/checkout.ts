import { z } from "zod";
import { priceCart } from "../catalogue/price-cart";
import { checkoutRequestSchema } from "../checkout/checkout-request";
import { createCheckout } from "../checkout/create-checkout";
import { getCustomerOrder } from "../checkout/get-customer-order";
import { resumePayment } from "../checkout/resume-payment";
import { CONFIRM_SYNC_INTERVAL_MS, WATCH_SYNC_INTERVAL_MS } from "../checkout/sync-payment-intent";
import { db } from "../db/client";
import { requestIpCountry } from "../fraud/fraud-configuration";
import { formatMoney } from "../money";
import { applyPaymentIntentToOrder } from "../orders/apply-payment-intent";
import { requestClientIp } from "../security/client-ip";
import { enforceRateLimits } from "../security/enforce-rate-limit";
import { stripe } from "../stripe/client";
import { publicProcedure, router } from "./trpc";

const tokenInput = z.object({ token: z.string().min(1).max(100) });

function orderDependencies() {
  return { prisma: db(), stripe: stripe(), applyPaymentIntent: applyPaymentIntentToOrder };
}

/** The customer's checkout: no sign-in; an order is reached only through its unguessable token. */
export const checkoutRouter = router({
  /** The cart priced from the catalogue, formatted for the order summary. */
  summary: publicProcedure.input(z.object({ cart: z.unknown() })).query(async ({ input }) => {
    const cart = await priceCart(input.cart);
    return {
      currency: cart.currency,
      itemCount: cart.itemCount,
      lines: cart.lines.map((line) => ({
        productId: line.productId,
        name: line.name,
        quantity: line.quantity,
        unitPrice: formatMoney(line.unitAmountMinor, cart.currency),
        lineTotal: formatMoney(line.lineTotalMinor, cart.currency),
      })),
      subtotal: formatMoney(cart.subtotalMinor, cart.currency),
      total: formatMoney(cart.subtotalMinor, cart.currency),
    };
  }),

  start: publicProcedure.input(checkoutRequestSchema).mutation(async ({ input, ctx }) => {
    const ipAddress = requestClientIp(ctx.headers);
    await enforceRateLimits([
      ["checkoutPerIp", ipAddress],
      ["checkoutPerEmail", input.email],
    ]);
    const ipCountry = requestIpCountry(ctx.headers);
    return createCheckout(input, { prisma: db(), stripe: stripe(), ipAddress, ipCountry });
  }),

  order: publicProcedure
    .input(tokenInput)
    .query(({ input }) =>
      getCustomerOrder(orderDependencies(), input.token, { syncIntervalMs: WATCH_SYNC_INTERVAL_MS }),
    ),

  /** Called by the browser right after it confirmed a payment, to show the outcome at once. */
  syncPayment: publicProcedure
    .input(tokenInput)
    .mutation(({ input }) =>
      getCustomerOrder(orderDependencies(), input.token, { syncIntervalMs: CONFIRM_SYNC_INTERVAL_MS }),
    ),

  resumePayment: publicProcedure
    .input(tokenInput)
    .mutation(({ input }) => resumePayment({ prisma: db(), stripe: stripe() }, input.token)),
});
