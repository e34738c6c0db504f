import { z } from "zod";

/** PostgreSQL `integer`: every *_minor column and quantity. Bigger numbers overflow inside SQL. */
export const INT32_MAX = 2_147_483_647;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL could not store or compare this text, or null when it can: `text` refuses NUL
 * (U+0000), and a lone UTF-16 surrogate has no UTF-8 form (it would be silently mangled).
 */
export function unstorableTextReason(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character";
  if (LONE_SURROGATE.test(text)) return "contains a broken (lone surrogate) character";
  return null;
}

/**
 * The path and reason of the first string (value or object key) in a request that PostgreSQL
 * could not hold, or null. Run on every tRPC input before its schema, so no field can forget it.
 */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") {
    const reason = unstorableTextReason(value);
    return reason ? `${path.join(".") || "input"} ${reason}` : null;
  }
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const keyReason = unstorableTextReason(key);
    if (keyReason) return `a field name ${keyReason}`;
    const found = findUnstorableText(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Text PostgreSQL can store: no NUL, no lone surrogate (also checked for every input; see above). */
export const storableText = () =>
  z.string().refine((text) => unstorableTextReason(text) === null, "must not contain NUL or broken characters");

const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** A calendar date (YYYY-MM-DD) PostgreSQL and JavaScript agree on: years 1900 to 2999. */
export const calendarDate = () =>
  z.iso.date("expected a date such as 2026-11-28").refine((date) => {
    const year = Number(date.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }, `expected a date between ${FIRST_YEAR} and ${LAST_YEAR}`);

/** A three-letter currency code as finance types it, upper-cased ("usd" → "USD"). */
export const currencyCode = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, "expected a three-letter currency code")
    .transform((value) => value.toUpperCase());

/** An instant inside the same range, for keyset cursors that carry a timestamp. */
export function isStorableInstant(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value)) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A whole number a PostgreSQL `integer` column can hold. */
export const int32 = (label: string) =>
  z
    .number(`${label} must be a number`)
    .int(`${label} must be a whole number`)
    .max(INT32_MAX, `${label} is too large`)
    .min(-INT32_MAX, `${label} is too small`);

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
