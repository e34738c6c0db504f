import type { Metadata } from "next";
import { TwoFactorEnrolment } from "@/components/back-office/two-factor-enrolment";
import { requireStaffPage, TWO_FACTOR_PATH } from "../../back-office-access";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function TwoFactorPage() {
  const { staff } = await requireStaffPage(TWO_FACTOR_PATH);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Two-factor sign-in</h1>
      <TwoFactorEnrolment required={staff.twoFactorPending === true} enrolled={staff.twoFactorEnabled === true} />
    </div>
  );
}
