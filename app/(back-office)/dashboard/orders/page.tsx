import type { Metadata } from "next";
import { Suspense } from "react";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { OrdersTable } from "@/components/back-office/orders-table/orders-table";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // A shared link to a filtered view survives the detour through sign-in.
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const item of [value ?? []].flat()) query.append(key, item);
  }
  const returnTo = query.size ? `/dashboard/orders?${query}` : "/dashboard/orders";
  const { staff, allowed } = await requireStaffPage(returnTo, "orders.read");
  if (!allowed) return <ForbiddenNotice page="Orders" permission="orders.read" role={staff.role} />;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Orders</h1>
      <Suspense fallback={<p className="text-sm text-stone-700">Loading orders…</p>}>
        <OrdersTable />
      </Suspense>
    </div>
  );
}
