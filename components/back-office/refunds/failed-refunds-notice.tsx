import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { formatMoney } from "@/server/money/format-money";
import type { FailedRefund } from "@/server/refunds/list-refunds";

/** The overview's flag for refunds Stripe failed: the customer has not been paid back. */
export function FailedRefundsNotice({ failed }: { failed: FailedRefund[] }) {
  if (failed.length === 0) return null;
  return (
    <Notice tone="error">
      <p className="font-medium">
        {failed.length === 1 ? "1 refund failed" : `${failed.length} refunds failed`} in the last 30 days; these
        customers have not been paid back.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {failed.slice(0, 10).map((refund) => (
          <li key={refund.id}>
            <Link className="underline" href={`/dashboard/orders/${refund.orderId}`}>
              {formatMoney(refund.amountMinor, refund.currency)}
            </Link>{" "}
            — {refund.failureReason ?? "unknown reason"}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
