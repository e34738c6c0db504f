import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderStatusView } from "@/components/checkout/order-status-view";
import { ApiProvider } from "@/components/trpc/trpc-provider";
import { customerOrderExists } from "@/server/checkout/get-customer-order";
import { db } from "@/server/db/client";
import { browserStripeConfig } from "@/server/stripe/client";

export const metadata: Metadata = { title: "Your order", referrer: "no-referrer", robots: { index: false } };

type Params = { params: Promise<{ token: string }> };

/** The return page: reached by the order's unguessable token, also after 3-D Secure. */
export default async function OrderPage({ params }: Params) {
  const { token } = await params;
  if (!(await customerOrderExists(db(), token))) notFound();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Your order</h1>
      <ApiProvider>
        <OrderStatusView token={token} config={browserStripeConfig()} />
      </ApiProvider>
    </div>
  );
}
