/**
 * What PostgreSQL cannot hold in a Stripe event, made storable. A signed event is Stripe's word and
 * must be stored and acknowledged (a refusal means redelivery forever), but `jsonb` and `text`
 * refuse U+0000 and lone UTF-16 surrogates, and `timestamptz` a `created` of 1e20. Such characters
 * are written out as their six-character escape text (`\u0000`), which jsonb stores as is, and an
 * impossible `created` gives way to the time of receipt. Processing then meets the event like any
 * other and fails or ignores it within its retry limit instead of the insert failing.
 */
const NEEDS_ESCAPE = /\\u(0000|d[89a-f][0-9a-f]{2})/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Year 9999's last second: beyond it PostgreSQL and JavaScript dates part ways. */
const LAST_CREATED_SECOND = 253_402_300_799;

export function escapeUnstorableText(text: string): string {
  return text.replace(UNSTORABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === "string") return escapeUnstorableText(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [escapeUnstorableText(key), escapeDeep(inner)]),
  );
}

/** The body to store: byte-for-byte as received unless a string in it holds what jsonb refuses. */
export function storableEventBody(rawBody: string, parsed: unknown): string {
  // Pairs of surrogates are fine; the regex only says a closer look is worth it.
  if (!NEEDS_ESCAPE.test(rawBody)) return rawBody;
  const escaped = JSON.stringify(escapeDeep(parsed));
  return escaped === JSON.stringify(parsed) ? rawBody : escaped;
}

/** Stripe's `created` when PostgreSQL can hold it; null means "use the time of receipt". */
export function storableCreatedSeconds(created: number): number | null {
  return Number.isFinite(created) && created >= 0 && created <= LAST_CREATED_SECOND ? created : null;
}
