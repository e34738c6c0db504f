"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/api/root";
import { describePaymentError } from "@/server/checkout/describe-payment-error";
import { useTRPC } from "../trpc/trpc-provider";
import { Notice } from "../ui/notice";
import type { PaymentOutcome } from "./payment-outcome";
import { SandboxCardForm } from "./sandbox-card-form";
import { StripePaymentElement } from "./stripe-payment-element";

export type BrowserStripeConfig = { publishableKey: string; sandboxUrl: string | null };

export type PaymentSession = { orderToken: string; paymentIntentId: string; clientSecret: string };

type PaymentStepProps = {
  config: BrowserStripeConfig;
  session: PaymentSession;
  currency: string;
  total: string;
  billing: { name: string; email: string };
  /** A problem already known when the step opens (a failed 3-D Secure check, say). */
  initialProblem?: string | null;
  /** The payment went through (or is on its way): show the order. */
  onSettled: (order: CustomerOrder | null) => void;
};

type CustomerOrder = inferRouterOutputs<AppRouter>["checkout"]["syncPayment"];

/** Pays an order's PaymentIntent; a decline explains itself and leaves the form ready for another card. */
export function PaymentStep({
  config,
  session,
  currency,
  total,
  billing,
  initialProblem,
  onSettled,
}: PaymentStepProps) {
  const trpc = useTRPC();
  const syncPayment = useMutation(trpc.checkout.syncPayment.mutationOptions());
  const [problem, setProblem] = useState<string | null>(initialProblem ?? null);
  const [attempt, setAttempt] = useState(0);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const returnUrl = `${origin}/orders/${session.orderToken}`;
  const payLabel = `Pay ${total}`;

  async function handleOutcome(outcome: PaymentOutcome) {
    if (outcome.kind === "finished") {
      // Bring the order up to date now, so the page that shows it never starts from the old state.
      onSettled(await syncPayment.mutateAsync({ token: session.orderToken }).catch(() => null));
      return;
    }
    if (outcome.kind === "redirect") {
      // 3-D Secure: the bank's page sends the customer back to the order page.
      window.location.assign(outcome.url);
      return;
    }
    if (outcome.kind === "error") {
      setProblem(outcome.message);
      return;
    }
    try {
      const order = await syncPayment.mutateAsync({ token: session.orderToken });
      if (!order.canPay) {
        onSettled(order);
        return;
      }
      // This attempt's own reason first: the order's may still describe the attempt before it.
      setProblem(
        describePaymentError(outcome.error) ??
          order.paymentProblem ??
          "The payment did not go through. Try another card or payment method.",
      );
    } catch {
      setProblem("The payment did not go through. Try another card or payment method.");
    }
    setAttempt((count) => count + 1);
  }

  return (
    <section aria-labelledby="payment-heading" className="flex flex-col gap-4">
      <h2 id="payment-heading" className="text-lg font-semibold text-stone-900">
        Payment
      </h2>
      {problem ? (
        <Notice tone="error">
          <span data-testid="payment-problem">{problem}</span>
        </Notice>
      ) : null}
      {config.sandboxUrl ? (
        <SandboxCardForm
          sandboxUrl={config.sandboxUrl}
          publishableKey={config.publishableKey}
          paymentIntentId={session.paymentIntentId}
          clientSecret={session.clientSecret}
          returnUrl={returnUrl}
          payLabel={payLabel}
          billing={billing}
          allowSepa={currency.toUpperCase() === "EUR"}
          onOutcome={handleOutcome}
          attempt={attempt}
        />
      ) : (
        <StripePaymentElement
          publishableKey={config.publishableKey}
          clientSecret={session.clientSecret}
          returnUrl={returnUrl}
          payLabel={payLabel}
          billing={billing}
          onOutcome={handleOutcome}
        />
      )}
    </section>
  );
}
