import { z } from "zod";
import { reportingWindow } from "../back-office/reporting-window";
import { db } from "../db/client";
import { approveRefund } from "../refunds/approve-refund";
import { getRefundSummary } from "../refunds/get-refund-summary";
import { issueRefund } from "../refunds/issue-refund";
import { listFailedRefunds, listOrderRefunds, listRefundsAwaitingApproval } from "../refunds/list-refunds";
import { appRefundDeps } from "../refunds/refund-deps";
import { REFUND_REASON_CODES } from "../refunds/refund-status";
import { rejectRefund } from "../refunds/reject-refund";
import { requestRefund } from "../refunds/request-refund";
import { permitted } from "./procedures";
import { router } from "./trpc";

const orderId = z.uuid("expected an order id");
const refundId = z.uuid("expected a refund id");

export const refundRequestSchema = z
  .object({
    orderId,
    amountMinor: z
      .number()
      .int("the amount is in whole minor units")
      .positive("the amount must be above zero")
      .optional(),
    lines: z
      .array(z.object({ orderItemId: z.uuid("expected an order line id"), quantity: z.number().int().min(1) }))
      .min(1, "choose at least one line")
      .max(100)
      .optional(),
    reasonCode: z.enum(REFUND_REASON_CODES, "choose a reason"),
    note: z.string().trim().max(1000, "keep the note under 1,000 characters").optional(),
    idempotencyKey: z.string().min(8, "expected the form's idempotency key").max(200),
  })
  .refine((input) => (input.amountMinor === undefined) !== (input.lines === undefined), {
    message: "give either an amount or the lines to refund",
  });

/** Refunds on the order page, the approvals queue, and the failed-refund flag. */
export const refundsRouter = router({
  forOrder: permitted("orders.read")
    .input(z.object({ orderId }))
    .query(async ({ input }) => ({
      summary: await getRefundSummary(db(), input.orderId),
      refunds: await listOrderRefunds(db(), input.orderId),
    })),
  request: permitted("refunds.request")
    .input(refundRequestSchema)
    .mutation(({ input, ctx }) =>
      requestRefund({ ...input, requestedBy: { id: ctx.staff.userId, role: ctx.staff.role } }, appRefundDeps()),
    ),
  retryIssue: permitted("refunds.request")
    .input(z.object({ refundId }))
    .mutation(({ input }) => issueRefund(input.refundId, appRefundDeps())),
  awaitingApproval: permitted("refunds.approve").query(() => listRefundsAwaitingApproval(db())),
  approve: permitted("refunds.approve")
    .input(z.object({ refundId, note: z.string().trim().max(1000).optional() }))
    .mutation(({ input, ctx }) =>
      approveRefund({ ...input, approvedBy: { id: ctx.staff.userId, role: ctx.staff.role } }, appRefundDeps()),
    ),
  reject: permitted("refunds.approve")
    .input(z.object({ refundId, reason: z.string().trim().min(1, "say why the refund is rejected").max(1000) }))
    .mutation(({ input, ctx }) =>
      rejectRefund({ ...input, rejectedBy: { id: ctx.staff.userId, role: ctx.staff.role } }, { prisma: db() }),
    ),
  failed: permitted("orders.read").query(() => listFailedRefunds(db(), reportingWindow(new Date()).since)),
});
