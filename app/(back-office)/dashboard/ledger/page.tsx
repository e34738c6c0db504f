import type { Metadata } from "next";
import { headers } from "next/headers";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { TrialBalanceForm } from "@/components/back-office/ledger/trial-balance-form";
import { TrialBalanceTable } from "@/components/back-office/ledger/trial-balance-table";
import { Notice } from "@/components/ui/notice";
import { serverCaller } from "@/server/api/server-caller";
import { trialBalanceQuery } from "@/server/ledger";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Trial balance" };

export default async function TrialBalancePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => [value ?? []].flat()[0] || undefined;
  const requested = { currency: first(params.currency), asOfDay: first(params.on) };
  // A shared link to a view survives the detour through sign-in.
  const view = new URLSearchParams();
  if (requested.currency) view.set("currency", requested.currency);
  if (requested.asOfDay) view.set("on", requested.asOfDay);
  const { staff, allowed } = await requireStaffPage(
    view.size ? `/dashboard/ledger?${view}` : "/dashboard/ledger",
    "ledger.read",
  );
  if (!allowed) return <ForbiddenNotice page="The trial balance" permission="ledger.read" role={staff.role} />;
  const parsed = trialBalanceQuery.safeParse(requested);
  const report = await (await serverCaller(await headers())).ledger.trialBalance(parsed.success ? parsed.data : {});
  const shown = report.trialBalance;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Trial balance</h1>
      <p className="text-sm text-stone-700">
        Every ledger account&apos;s balance in one currency, debits beside credits, from the journal PayOps posts for
        each payment, refund, dispute and payout. Days end at midnight UTC.
      </p>
      {parsed.success ? null : (
        <Notice tone="warning">
          <p>
            That view could not be shown ({parsed.error.issues.map((issue) => issue.message).join("; ")}): here is the
            current trial balance instead.
          </p>
        </Notice>
      )}
      <TrialBalanceForm
        currencies={report.currencies}
        currency={shown?.currency ?? ""}
        asOfDay={report.asOfDay ?? ""}
      />
      {shown ? (
        <>
          <h2 className="text-lg font-semibold text-stone-900">
            {shown.currency}, {report.asOfDay ? `at the end of ${report.asOfDay} (UTC)` : "now"}
          </h2>
          <TrialBalanceTable trialBalance={shown} />
        </>
      ) : (
        <p className="text-sm text-stone-700">Nothing has been posted to the ledger yet.</p>
      )}
    </div>
  );
}
