"use client";

import { useId, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { JOURNAL_MODE_LABELS, vendorLabel } from "@/server/labels/accounting-labels";

type Mode = keyof typeof JOURNAL_MODE_LABELS;

/**
 * Connects an accounting system through its own consent page (OAuth). A link, not a form: the
 * browser follows PayOps's redirect to the vendor, which the policy's form-action would refuse.
 */
export function ConnectForm({ vendor }: { vendor: "quickbooks" | "xero" }) {
  const label = vendorLabel(vendor);
  const id = useId();
  const [mode, setMode] = useState<Mode>("summary");
  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 text-sm">
      <legend className="sr-only">Connect {label}</legend>
      <label htmlFor={id} className="block">
        <span className="block font-medium text-stone-900">Journals sent to {label}</span>
        <select
          id={id}
          value={mode}
          onChange={(e) => setMode(e.target.value as Mode)}
          className="mt-1 rounded-md border border-stone-400 px-2 py-1"
        >
          {Object.entries(JOURNAL_MODE_LABELS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <a href={`/api/accounting/connect/${vendor}?mode=${mode}`} className={buttonClasses("primary", "sm")}>
        Connect {label}
      </a>
    </fieldset>
  );
}
