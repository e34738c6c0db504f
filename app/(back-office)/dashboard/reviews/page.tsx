import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { ReviewQueue } from "@/components/back-office/fraud/review-queue";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const { staff, allowed } = await requireStaffPage("/dashboard/reviews", "fraud.review");
  if (!allowed) return <ForbiddenNotice page="The review queue" permission="fraud.review" role={staff.role} />;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Review queue</h1>
      <p className="text-sm text-stone-700">
        Most of these payments are authorised but not captured: approve to capture the money, or reject to release the
        customer&apos;s card. Those captured already (a card network&apos;s fraud warning, or Stripe Radar&apos;s review
        of a payment it took at once) are kept or refunded. Approving a payment Stripe Radar reviewed also approves it
        at Stripe.
      </p>
      <ReviewQueue />
    </div>
  );
}
