const USAGE = "Usage: npm run reconcile -- --from <ISO date> --to <ISO date> [--as-of <ISO time>]";

function isoDate(value: string | undefined, name: string): Date {
  if (!value) throw new Error(`${USAGE}\n--${name} is required`);
  // A bare date is midnight UTC, as Stripe's days are.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new Error(`--${name} expects an ISO date such as 2026-11-01, got "${value}"`);
  }
  return date;
}

/** The window of a reconciliation from command-line options; refuses a reversed or empty one. */
export function parseWindowArguments(values: { from?: string; to?: string; "as-of"?: string }): {
  from: Date;
  to: Date;
  asOf?: Date;
} {
  const from = isoDate(values.from, "from");
  const to = isoDate(values.to, "to");
  if (!(from < to)) throw new Error(`--from (${values.from}) must be before --to (${values.to})`);
  const asOf = values["as-of"] === undefined ? undefined : isoDate(values["as-of"], "as-of");
  return { from, to, asOf };
}
