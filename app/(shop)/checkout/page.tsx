import type { Metadata } from "next";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { ApiProvider } from "@/components/trpc/trpc-provider";
import { browserStripeConfig } from "@/server/stripe/client";

export const metadata: Metadata = { title: "Checkout" };

export default function CheckoutPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Checkout</h1>
      <ApiProvider>
        <CheckoutForm config={browserStripeConfig()} />
      </ApiProvider>
    </div>
  );
}
