"use client";

import { useEffect, useState } from "react";

type QuantityStepperProps = {
  id: string;
  label: string;
  value: number;
  onChange: (quantity: number) => void;
  min?: number;
  max?: number;
  hideLabel?: boolean;
  disabled?: boolean;
};

const stepClasses =
  "flex h-11 w-11 items-center justify-center text-lg text-stone-800 hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-400 disabled:hover:bg-transparent";

/** A number field with − and + buttons, kept within min..max; typing is committed on blur or Enter. */
export function QuantityStepper({
  id,
  label,
  value,
  onChange,
  min = 1,
  max = 99,
  hideLabel = false,
  disabled = false,
}: QuantityStepperProps) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);

  const commit = (text: string) => {
    const parsed = Number.parseInt(text, 10);
    const next = Number.isNaN(parsed) ? value : Math.min(max, Math.max(min, parsed));
    setDraft(String(next));
    if (next !== value) onChange(next);
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-medium text-stone-800"}>
        {label}
      </label>
      <div className="inline-flex w-max items-center overflow-hidden rounded-lg border border-stone-300 bg-white">
        <button
          type="button"
          className={stepClasses}
          onClick={() => onChange(Math.max(min, value - 1))}
          disabled={disabled || value <= min}
          aria-label={`Decrease ${label.toLowerCase()}`}
          aria-controls={id}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          className="h-11 w-12 border-x border-stone-300 text-center text-base tabular-nums text-stone-900"
          value={draft}
          disabled={disabled}
          onChange={(event) => setDraft(event.target.value.replace(/\D/g, "").slice(0, 3))}
          onBlur={(event) => commit(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit(event.currentTarget.value);
            }
          }}
          aria-describedby={`${id}-range`}
        />
        <button
          type="button"
          className={stepClasses}
          onClick={() => onChange(Math.min(max, value + 1))}
          disabled={disabled || value >= max}
          aria-label={`Increase ${label.toLowerCase()}`}
          aria-controls={id}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      <span id={`${id}-range`} className="sr-only">
        From {min} to {max}
      </span>
    </div>
  );
}
