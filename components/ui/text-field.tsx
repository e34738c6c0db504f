import type { InputHTMLAttributes } from "react";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className" | "aria-describedby"> & {
  id: string;
  label: string;
  /** Shown under the field, announced with it, and marks the input invalid. */
  error?: string;
  /** Ids of other text describing the field (read before the error). */
  describedBy?: string;
  /** Classes for the wrapper (grid placement). */
  className?: string;
  /** Extra classes for the input itself. */
  inputClassName?: string;
};

/** A labelled text input with its error message, as every form in PayOps shows one. */
export function TextField({
  id,
  label,
  error,
  describedBy,
  className = "",
  inputClassName = "",
  ...input
}: TextFieldProps) {
  const errorId = `${id}-error`;
  const described = [describedBy, error ? errorId : undefined].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-stone-900">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className={`h-11 w-full rounded-lg border border-stone-400 bg-white px-3 text-base text-stone-900 ${inputClassName}`}
        {...input}
      />
      {error ? (
        <p id={errorId} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
