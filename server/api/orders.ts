import { z } from "zod";
import { roleHasPermission } from "../auth/permissions";
import { db } from "../db/client";
import { cancelOrderByStaff } from "../orders/cancel-unpaid-order";
import { getOrderDetail } from "../orders-workspace/get-order-detail";
import { getOverview } from "../orders-workspace/get-overview";
import { listOrders } from "../orders-workspace/list-orders";
import { orderListQuerySchema } from "../orders-workspace/order-list-query";
import { stripe } from "../stripe/client";
import { permitted } from "./procedures";
import { router } from "./trpc";

/** The back office's orders workspace: overview, the orders table and one order's detail. */
export const ordersRouter = router({
  overview: permitted("orders.read").query(() => getOverview(db())),
  list: permitted("orders.read")
    .input(orderListQuerySchema)
    .query(({ input }) => listOrders(db(), input)),
  detail: permitted("orders.read")
    .input(z.object({ orderId: z.uuid("expected an order id") }))
    .query(({ input, ctx }) =>
      getOrderDetail(db(), input.orderId, { canReadLedger: roleHasPermission(ctx.staff.role, "ledger.read") }),
    ),
  cancel: permitted("orders.cancel")
    .input(
      z.object({
        orderId: z.uuid("expected an order id"),
        reason: z.string().trim().min(1, "say why the order is canceled").max(1000),
      }),
    )
    .mutation(({ input, ctx }) =>
      cancelOrderByStaff({ prisma: db(), stripe: stripe() }, { ...input, staffUserId: ctx.staff.userId }),
    ),
});
