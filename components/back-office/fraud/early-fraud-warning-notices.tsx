import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { fraudTypeLabel, warningPolicyLabel } from "@/server/labels/fraud-warning-labels";

type Warning = { stripeWarningId: string; fraudType: string; policyAction: string; stripeCreatedAt: Date };

/** On the order page: each card-network fraud warning on its payment and what the policy did. */
export function EarlyFraudWarningNotices({ warnings }: { warnings: Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="early-fraud-warnings">
      {warnings.map((warning) => (
        <Notice key={warning.stripeWarningId} tone="warning">
          <p className="font-medium">
            Early fraud warning: {fraudTypeLabel(warning.fraudType)}, <DateTime value={warning.stripeCreatedAt} />
          </p>
          <p>{warningPolicyLabel(warning.policyAction)}</p>
        </Notice>
      ))}
    </div>
  );
}
