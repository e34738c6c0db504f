import { z } from "zod";
import { db } from "../db/client";
import { listReviewQueue } from "../fraud/review/list-review-queue";
import { settleReview } from "../fraud/review/settle-review";
import { stripe } from "../stripe/client";
import { permitted } from "./procedures";
import { router } from "./trpc";

const reviewId = z.uuid("expected a review id");

/** The risk analyst's review queue: held payments, approve (capture) or reject (cancel). */
export const fraudRouter = router({
  reviewQueue: permitted("fraud.review").query(() => listReviewQueue(db())),
  approveReview: permitted("fraud.review")
    .input(z.object({ reviewId, note: z.string().trim().max(500, "keep the note under 500 characters").optional() }))
    .mutation(({ input, ctx }) =>
      settleReview(
        { reviewId: input.reviewId, verdict: "approve", staffUserId: ctx.staff.userId, reason: input.note },
        { prisma: db(), stripe: stripe() },
      ),
    ),
  rejectReview: permitted("fraud.review")
    .input(z.object({ reviewId, reason: z.string().trim().min(1, "say why the payment is rejected").max(500) }))
    .mutation(({ input, ctx }) =>
      settleReview(
        { reviewId: input.reviewId, verdict: "reject", staffUserId: ctx.staff.userId, reason: input.reason },
        { prisma: db(), stripe: stripe() },
      ),
    ),
});
