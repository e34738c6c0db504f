/**
 * Stripe's expandable fields hold an id, or the object itself when the request asked to expand
 * it (`charge: "ch_…"` or `charge: { id: "ch_…", … }`). These two read either form.
 */
type Expandable = string | { id: string };

/** The id behind an expandable field, expanded or not. */
export function idOf(value: Expandable): string;
export function idOf(value: Expandable | null | undefined): string | null;
export function idOf(value: Expandable | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/** The object behind an expandable field, or null when Stripe sent only its id. */
export function expandedOrNull<T extends { id: string }>(value: string | T | null | undefined): T | null {
  return value && typeof value === "object" ? value : null;
}
