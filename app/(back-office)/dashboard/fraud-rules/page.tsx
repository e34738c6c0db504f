import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { FraudListsEditor } from "@/components/back-office/fraud/fraud-lists-editor";
import { FraudRulesEditor } from "@/components/back-office/fraud/fraud-rules-editor";
import { RuleBacktest } from "@/components/back-office/fraud/rule-backtest";
import { RuleMetricsPanel } from "@/components/back-office/fraud/rule-metrics-panel";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Fraud rules" };

export default async function FraudRulesPage() {
  const { staff, allowed } = await requireStaffPage("/dashboard/fraud-rules", "fraud.rules.manage");
  if (!allowed) return <ForbiddenNotice page="Fraud rules" permission="fraud.rules.manage" role={staff.role} />;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-stone-900">Fraud rules</h1>
      <p className="text-sm text-stone-700">
        Rules are written as in Stripe Radar, e.g. <code>Block if :email_domain: in @blocked_domains</code>. A matching
        Request 3-D Secure rule wins over Allow, Allow over Block, Block over Send to review; within one kind the first
        rule in this order decides. Every change is kept as a new version.
      </p>
      <FraudRulesEditor />
      <section aria-labelledby="backtest" className="space-y-3">
        <h2 id="backtest" className="text-xl font-semibold text-stone-900">
          Try a rule before switching it on
        </h2>
        <p className="text-sm text-stone-700">
          A draft runs over the payments PayOps decided on recently, with what was known about each, beside the rules in
          force now.
        </p>
        <RuleBacktest />
      </section>
      <section aria-labelledby="rule-metrics" className="space-y-3">
        <h2 id="rule-metrics" className="text-xl font-semibold text-stone-900">
          How each rule did
        </h2>
        <RuleMetricsPanel />
      </section>
      <section aria-labelledby="saved-lists" className="space-y-3">
        <h2 id="saved-lists" className="text-xl font-semibold text-stone-900">
          Saved lists
        </h2>
        <FraudListsEditor />
      </section>
    </div>
  );
}
