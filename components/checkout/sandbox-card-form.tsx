"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";
import { confirmWithSandbox, type SandboxPaymentMethod } from "./confirm-with-sandbox";
import type { PaymentOutcome } from "./payment-outcome";

type SandboxCardFormProps = {
  sandboxUrl: string;
  publishableKey: string;
  paymentIntentId: string;
  clientSecret: string;
  returnUrl: string;
  payLabel: string;
  billing: { name: string; email: string };
  /** SEPA Direct Debit is offered for euro payments only. */
  allowSepa: boolean;
  onOutcome: (outcome: PaymentOutcome) => void | Promise<void>;
  /** Counts failed attempts: after each the security code is cleared, the rest stays for a correction. */
  attempt: number;
};

type FieldErrors = Partial<Record<"number" | "expiry" | "cvc" | "iban", string>>;

/**
 * The offline stand-in for Stripe's Payment Element: the details go straight from this form to
 * the sandbox (never to PayOps's server), and nothing typed here is kept or logged.
 */
export function SandboxCardForm(props: SandboxCardFormProps) {
  const id = useId();
  const [method, setMethod] = useState<"card" | "sepa_debit">("card");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  // A declined card keeps its number and expiry (the customer may only have mistyped one digit);
  // the security code is never kept, as Stripe's own form does.
  useEffect(() => {
    if (props.attempt === 0) return;
    const cvc = formRef.current?.elements.namedItem("cvc");
    if (cvc instanceof HTMLInputElement) cvc.value = "";
  }, [props.attempt]);

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A second click while the first confirmation is on its way must not confirm twice.
    if (inFlight.current) return;
    const form = new FormData(event.currentTarget);
    const parsed = readPaymentMethod(method, form);
    setErrors(parsed.errors);
    if (!parsed.paymentMethod) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const outcome = await confirmWithSandbox({
        sandboxUrl: props.sandboxUrl,
        publishableKey: props.publishableKey,
        paymentIntentId: props.paymentIntentId,
        clientSecret: props.clientSecret,
        returnUrl: props.returnUrl,
        paymentMethod: parsed.paymentMethod,
        billing: props.billing,
      });
      await props.onOutcome(outcome);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={pay} noValidate className="flex flex-col gap-4" aria-label="Payment details">
      {props.allowSepa ? (
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-2 text-sm font-medium text-stone-900">Payment method</legend>
          {(["card", "sepa_debit"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="method"
                value={value}
                checked={method === value}
                onChange={() => {
                  setMethod(value);
                  setErrors({});
                }}
              />
              {value === "card" ? "Card" : "SEPA Direct Debit"}
            </label>
          ))}
        </fieldset>
      ) : null}

      {method === "card" ? (
        <div className="grid grid-cols-2 gap-4">
          <TextField
            id={`${id}-number`}
            name="number"
            label="Card number"
            inputMode="numeric"
            autoComplete="cc-number"
            placeholder="1234 1234 1234 1234"
            error={errors.number}
            className="col-span-2"
            inputClassName="tabular-nums"
          />
          <TextField
            id={`${id}-expiry`}
            name="expiry"
            label="Expiry (MM/YY)"
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder="MM/YY"
            error={errors.expiry}
            inputClassName="tabular-nums"
          />
          <TextField
            id={`${id}-cvc`}
            name="cvc"
            label="Security code (CVC)"
            inputMode="numeric"
            autoComplete="cc-csc"
            placeholder="123"
            error={errors.cvc}
            inputClassName="tabular-nums"
          />
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          <TextField
            id={`${id}-iban`}
            name="iban"
            label="IBAN"
            autoComplete="off"
            placeholder="DE89 3704 0044 0532 0130 00"
            error={errors.iban}
            describedBy={`${id}-mandate`}
            inputClassName="tabular-nums"
          />
          <p id={`${id}-mandate`} className="text-xs text-stone-700">
            By paying, you authorise PayOps Store to debit this account, and your bank to follow those instructions.
          </p>
        </div>
      )}

      <Button type="submit" size="lg" disabled={busy}>
        {busy ? "Processing…" : props.payLabel}
      </Button>
      <p className="text-xs text-stone-700">Test mode: payments go to the PayOps Stripe sandbox.</p>
    </form>
  );
}

function readPaymentMethod(
  method: "card" | "sepa_debit",
  form: FormData,
): { paymentMethod: SandboxPaymentMethod | null; errors: FieldErrors } {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  if (method === "sepa_debit") {
    const iban = text("iban").replace(/\s+/g, "").toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban))
      return { paymentMethod: null, errors: { iban: "Enter a valid IBAN." } };
    return { paymentMethod: { type: "sepa_debit", iban }, errors: {} };
  }
  const errors: FieldErrors = {};
  const number = text("number").replace(/[\s-]+/g, "");
  if (!/^\d{12,19}$/.test(number)) errors.number = "Enter the card number (12 to 19 digits).";
  const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(text("expiry"));
  const expMonth = expiry ? Number(expiry[1]) : 0;
  const expYear = expiry ? Number(expiry[2]!.length === 2 ? `20${expiry[2]}` : expiry[2]) : 0;
  if (!expiry || expMonth < 1 || expMonth > 12) errors.expiry = "Enter the expiry date as MM/YY.";
  const cvc = text("cvc");
  if (!/^\d{3,4}$/.test(cvc)) errors.cvc = "Enter the 3 or 4 digit security code.";
  if (Object.keys(errors).length > 0) return { paymentMethod: null, errors };
  return { paymentMethod: { type: "card", number, expMonth, expYear, cvc }, errors };
}
