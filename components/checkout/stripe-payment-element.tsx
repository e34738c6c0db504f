"use client";

import type { Stripe, StripeElements } from "@stripe/stripe-js";
// The pure entry loads Stripe.js only when asked, not on import (offline pages never ask).
import { loadStripe } from "@stripe/stripe-js/pure";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { outcomeFromPaymentIntent, type PaymentOutcome } from "./payment-outcome";

type StripePaymentElementProps = {
  publishableKey: string;
  clientSecret: string;
  returnUrl: string;
  payLabel: string;
  billing: { name: string; email: string };
  onOutcome: (outcome: PaymentOutcome) => void | Promise<void>;
};

/**
 * Stripe's Payment Element (real keys only): Stripe.js collects the payment details in its own
 * iframe and confirms with Stripe; 3-D Secure and bank redirects come back to `returnUrl`.
 */
export function StripePaymentElement({
  publishableKey,
  clientSecret,
  returnUrl,
  payLabel,
  billing,
  onOutcome,
}: StripePaymentElementProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [elements, setElements] = useState<StripeElements | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let mounted = true;
    let element: { destroy: () => void } | null = null;
    loadStripe(publishableKey)
      .then((loaded) => {
        if (!mounted || !loaded || !mountRef.current) return;
        const created = loaded.elements({ clientSecret });
        const payment = created.create("payment", { defaultValues: { billingDetails: billing } });
        payment.mount(mountRef.current);
        element = payment;
        setStripe(loaded);
        setElements(created);
      })
      .catch(() => setLoadProblem("The payment form could not load. Check your connection and reload the page."));
    return () => {
      mounted = false;
      element?.destroy();
    };
  }, [publishableKey, clientSecret, billing]);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements || busy) return;
    setBusy(true);
    try {
      const result = await stripe.confirmPayment({
        elements,
        confirmParams: { return_url: returnUrl },
        redirect: "if_required",
      });
      if (result.error) {
        // Card errors leave the PaymentIntent at requires_payment_method; the reason comes with them.
        await onOutcome(
          result.error.type === "card_error" || result.error.type === "validation_error"
            ? { kind: "failed", error: result.error }
            : { kind: "error", message: "The payment could not be completed. Please try again." },
        );
      } else {
        await onOutcome(outcomeFromPaymentIntent(result.paymentIntent));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={pay} className="flex flex-col gap-4">
      {loadProblem ? <Notice tone="error">{loadProblem}</Notice> : null}
      <div ref={mountRef} />
      <Button type="submit" size="lg" disabled={!elements || busy}>
        {busy ? "Processing…" : payLabel}
      </Button>
    </form>
  );
}
