"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { EMPTY_CART } from "../shop/cart-state";
import { writeCart } from "../shop/cart-store";
import { useTRPC } from "../trpc/trpc-provider";
import { Button, buttonClasses } from "../ui/button";
import { Notice } from "../ui/notice";
import { forgetCheckoutKey, isCurrentCheckoutOrder } from "./checkout-key";
import { OrderLines } from "./order-lines";
import { OrderReceipt } from "./order-receipt";
import { type BrowserStripeConfig, type PaymentSession, PaymentStep } from "./payment-step";

/** How often the page asks for the order while its payment can still change. */
const POLL_MS = 1_500;

const TONE: Record<string, "success" | "error" | "info" | "warning"> = {
  paid: "success",
  payment_failed: "error",
  in_review: "info",
  canceled: "warning",
};

/** The order's live status: polls until the payment is settled, and offers another try after a failure. */
export function OrderStatusView({ token, config }: { token: string; config: BrowserStripeConfig }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const order = useQuery({
    ...trpc.checkout.order.queryOptions({ token }),
    refetchInterval: (query) => (query.state.data?.watching === false ? false : POLL_MS),
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const resume = useMutation(trpc.checkout.resumePayment.mutationOptions());
  const [retry, setRetry] = useState<PaymentSession | null>(null);
  const data = order.data;

  // The cart in this tab was bought by this order: once paid (or on its way), empty it.
  useEffect(() => {
    if (!data || data.canPay || !isCurrentCheckoutOrder(token)) return;
    writeCart(EMPTY_CART);
    forgetCheckoutKey();
  }, [data, token]);

  if (order.error && !data) {
    return <Notice tone="error">We couldn't load this order just now. Reload the page to try again.</Notice>;
  }
  if (!data) return <p className="text-stone-700">Loading your order…</p>;

  const showRetry =
    data.canPay && (data.status === "payment_failed" || data.paymentIntentStatus === "requires_payment_method");

  async function tryAgain() {
    const intent = await resume.mutateAsync({ token });
    setRetry({ orderToken: token, paymentIntentId: intent.paymentIntentId, clientSecret: intent.clientSecret });
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="flex flex-col gap-6">
        <section aria-labelledby="status-heading" className="rounded-xl border border-stone-200 bg-white p-5">
          <h2 id="status-heading" className="text-sm font-medium text-stone-700">
            Order status
          </h2>
          <div role="status" aria-live="polite" className="mt-1 flex items-center gap-3">
            <p className="text-2xl font-semibold text-stone-900" data-testid="order-status" data-status={data.status}>
              {data.statusLabel}
            </p>
            {data.watching ? <span className="text-sm text-stone-700">Updating…</span> : null}
          </div>
          <StatusExplanation status={data.status} />
        </section>

        {!data.canPay ? <OrderReceipt receipt={data.receipt} statusLabel={data.statusLabel} /> : null}
        {showRetry && !retry ? (
          <Notice tone={data.status === "payment_failed" || data.paymentProblem ? "error" : "info"}>
            <p data-testid="payment-problem">
              {data.paymentProblem ??
                (data.status === "payment_failed"
                  ? "The payment did not go through. You can try again with another card."
                  : "This order has not been paid yet.")}
            </p>
            <Button className="mt-3" onClick={() => void tryAgain()} disabled={resume.isPending}>
              {resume.isPending
                ? "Preparing…"
                : data.status === "payment_failed" || data.paymentProblem
                  ? "Try again"
                  : "Pay now"}
            </Button>
            {resume.error ? <p className="mt-2">{resume.error.message}</p> : null}
          </Notice>
        ) : null}

        {retry ? (
          <PaymentStep
            config={config}
            session={retry}
            currency={data.currency}
            total={data.total}
            billing={data.billing}
            onSettled={(synced) => {
              setRetry(null);
              if (synced) queryClient.setQueryData(trpc.checkout.order.queryKey({ token }), synced);
              else void order.refetch();
            }}
          />
        ) : null}
      </div>

      <aside aria-labelledby="items-heading" className="h-max rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="items-heading" className="text-lg font-semibold text-stone-900">
          Your order
        </h2>
        <OrderLines lines={data.items.map((item) => ({ ...item, key: item.name }))} />
        <div className="mt-4 flex justify-between border-t border-stone-200 pt-3 font-semibold">
          <span>Total</span>
          <span className="tabular-nums" data-testid="order-total">
            {data.total}
          </span>
        </div>
        <Link href="/" className={buttonClasses("secondary", "sm", "mt-4 w-full")}>
          Continue shopping
        </Link>
      </aside>
    </div>
  );
}

function StatusExplanation({ status }: { status: string }) {
  const tone = TONE[status];
  const text: Record<string, string> = {
    pending_payment: "We're waiting for your payment.",
    requires_action: "Your bank asked you to confirm the payment.",
    processing: "Your payment is being processed. This page updates by itself.",
    paid: "Thank you! Your payment was received and your order is confirmed.",
    payment_failed: "Your payment did not go through. Nothing was charged.",
    in_review: "We're reviewing your order. Your payment is authorised and will only be taken once it is approved.",
    canceled: "This order was canceled.",
  };
  const message = text[status];
  if (!message) return null;
  return <p className={`mt-2 text-sm ${tone === "error" ? "text-red-800" : "text-stone-700"}`}>{message}</p>;
}
