"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useStoredCart } from "../shop/cart-store";
import { useTRPC } from "../trpc/trpc-provider";
import { Button, buttonClasses } from "../ui/button";
import { Notice } from "../ui/notice";
import { TextField } from "../ui/text-field";
import {
  type CheckoutDetails,
  checkoutFingerprint,
  type DetailsErrors,
  loadDetails,
  saveDetails,
  toCheckoutContact,
  validateDetails,
} from "./checkout-details";
import { checkoutKeyFor, rememberCheckoutOrder } from "./checkout-key";
import { defaultCountryFor, SHIPPING_COUNTRIES } from "./countries";
import { OrderSummary } from "./order-summary";
import { type BrowserStripeConfig, type PaymentSession, PaymentStep } from "./payment-step";

const EMPTY: CheckoutDetails = { email: "", name: "", line1: "", line2: "", city: "", postalCode: "", country: "" };

/** Checkout: contact and delivery details, then payment for the order they make. */
export function CheckoutForm({ config }: { config: BrowserStripeConfig }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cart = useStoredCart();
  const [details, setDetails] = useState<CheckoutDetails>(EMPTY);
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const [session, setSession] = useState<
    (PaymentSession & { total: string; currency: string; shippingAddress: string[] }) | null
  >(null);
  const submitting = useRef(false);

  const cartInput = cart?.currency ? { currency: cart.currency, lines: cart.lines } : null;
  const summary = useQuery({ ...trpc.checkout.summary.queryOptions({ cart: cartInput }), enabled: cartInput !== null });
  const start = useMutation(trpc.checkout.start.mutationOptions());

  useEffect(() => {
    const saved = loadDetails();
    setDetails((current) => ({ ...current, ...saved }));
  }, []);
  useEffect(() => {
    if (cart?.currency)
      setDetails((current) => (current.country ? current : { ...current, country: defaultCountryFor(cart.currency) }));
  }, [cart?.currency]);

  if (!cart) return <p className="text-stone-700">Loading your cart…</p>;
  if (!cartInput || cart.lines.length === 0) {
    return (
      <div className="flex flex-col items-start gap-4 rounded-xl border border-dashed border-stone-300 bg-white p-8">
        <p className="text-lg text-stone-800">Your cart is empty.</p>
        <Link href="/" className={buttonClasses("primary", "md")}>
          Browse products
        </Link>
      </div>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    // A double click must not send two requests (the checkout key would still make them one order).
    if (submitting.current || !cartInput) return;
    const found = validateDetails(details);
    setErrors(found);
    setFormProblem(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(`field-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    submitting.current = true;
    saveDetails(details);
    try {
      const checkoutKey = checkoutKeyFor(checkoutFingerprint(cartInput, details));
      const created = await start.mutateAsync({
        checkoutKey,
        ...toCheckoutContact(details),
        cart: cartInput,
      });
      rememberCheckoutOrder(created.orderToken);
      if (created.paymentIntentStatus === "succeeded" || created.paymentIntentStatus === "processing") {
        router.push(`/orders/${created.orderToken}`);
        return;
      }
      setSession({
        orderToken: created.orderToken,
        paymentIntentId: created.paymentIntentId,
        clientSecret: created.clientSecret,
        total: created.total,
        currency: created.currency,
        shippingAddress: created.shippingAddress,
      });
    } catch (error) {
      setFormProblem(
        error instanceof Error && error.message ? error.message : "Something went wrong. Please try again.",
      );
    } finally {
      submitting.current = false;
    }
  }

  const update = (field: keyof CheckoutDetails) => (value: string) =>
    setDetails((current) => ({ ...current, [field]: value }));

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:gap-8">
      {/* First in the page, so a phone shows it above the form; beside the form on a wide screen. */}
      <OrderSummary
        summary={summary.data ?? null}
        problem={summary.error ? summary.error.message : null}
        className="lg:col-start-2 lg:row-start-1"
      />
      <div className="flex flex-col gap-8 lg:col-start-1 lg:row-start-1">
        {session ? (
          <>
            <DetailsRecap email={details.email} address={session.shippingAddress} onEdit={() => setSession(null)} />
            <PaymentStep
              config={config}
              session={session}
              currency={session.currency}
              total={session.total}
              billing={{ name: details.name, email: details.email }}
              onSettled={() => router.push(`/orders/${session.orderToken}`)}
            />
          </>
        ) : (
          <form onSubmit={submit} noValidate className="flex flex-col gap-6" aria-label="Checkout details">
            {formProblem ? <Notice tone="error">{formProblem}</Notice> : null}
            <fieldset className="flex flex-col gap-4">
              <legend className="mb-2 text-lg font-semibold text-stone-900">Contact</legend>
              <TextField
                id="field-email"
                label="Email"
                type="email"
                autoComplete="email"
                value={details.email}
                error={errors.email}
                onChange={(event) => update("email")(event.target.value)}
              />
            </fieldset>
            <fieldset className="grid gap-4 sm:grid-cols-2">
              <legend className="mb-2 text-lg font-semibold text-stone-900">Shipping address</legend>
              <TextField
                id="field-name"
                label="Full name"
                autoComplete="name"
                value={details.name}
                error={errors.name}
                onChange={(event) => update("name")(event.target.value)}
                className="sm:col-span-2"
              />
              <TextField
                id="field-line1"
                label="Address"
                autoComplete="address-line1"
                value={details.line1}
                error={errors.line1}
                onChange={(event) => update("line1")(event.target.value)}
                className="sm:col-span-2"
              />
              <TextField
                id="field-line2"
                label="Apartment, suite, etc. (optional)"
                autoComplete="address-line2"
                value={details.line2}
                onChange={(event) => update("line2")(event.target.value)}
                className="sm:col-span-2"
              />
              <TextField
                id="field-city"
                label="City"
                autoComplete="address-level2"
                value={details.city}
                error={errors.city}
                onChange={(event) => update("city")(event.target.value)}
              />
              <TextField
                id="field-postalCode"
                label="Postal code"
                autoComplete="postal-code"
                value={details.postalCode}
                error={errors.postalCode}
                onChange={(event) => update("postalCode")(event.target.value)}
              />
              <div className="flex flex-col gap-1 sm:col-span-2">
                <label htmlFor="field-country" className="text-sm font-medium text-stone-900">
                  Country
                </label>
                <select
                  id="field-country"
                  autoComplete="country"
                  className="h-11 rounded-lg border border-stone-400 bg-white px-3 text-base"
                  value={details.country}
                  onChange={(event) => update("country")(event.target.value)}
                  aria-invalid={errors.country ? true : undefined}
                >
                  <option value="">Choose a country</option>
                  {SHIPPING_COUNTRIES.map((country) => (
                    <option key={country.code} value={country.code}>
                      {country.name}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
            <Button type="submit" size="lg" disabled={start.isPending || !summary.data}>
              {start.isPending ? "Preparing payment…" : "Continue to payment"}
            </Button>
          </form>
        )}
      </div>
    </div>
  );
}

/** The details the order was made with, the address as the server formatted it for its country. */
function DetailsRecap({ email, address, onEdit }: { email: string; address: string[]; onEdit: () => void }) {
  return (
    <section aria-labelledby="recap-heading" className="rounded-xl border border-stone-200 bg-white p-5 text-sm">
      <div className="flex items-start justify-between gap-4">
        <h2 id="recap-heading" className="text-lg font-semibold text-stone-900">
          Deliver to
        </h2>
        <Button variant="ghost" size="sm" onClick={onEdit}>
          Edit details
        </Button>
      </div>
      <address className="mt-2 whitespace-pre-line text-stone-800 not-italic" data-testid="deliver-to">
        {address.join("\n")}
      </address>
      <p className="text-stone-700">{email}</p>
    </section>
  );
}
