type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Every field of Stripe's example is present in `actual` with the same JSON type, recursively.
 * Null on either side is accepted: Stripe's example fills nullable fields (canceled_at,
 * last_payment_error, …) that only hold a value in some states. Samples in several states are
 * checked so those fields meet their filled shape too.
 */
export function shapeMismatches(expected: Json, actual: unknown, at = "", skip: string[] = []): string[] {
  if (skip.includes(at)) return [];
  if (expected === null || actual === null || actual === undefined) {
    return actual === undefined ? [`${at || "(root)"}: missing`] : [];
  }
  if (kind(expected) !== kind(actual)) return [`${at}: expected ${kind(expected)}, got ${kind(actual)}`];
  if (Array.isArray(expected)) {
    const list = actual as unknown[];
    if (expected.length === 0 || list.length === 0) return [];
    return shapeMismatches(expected[0]!, list[0], `${at}[0]`, skip);
  }
  if (typeof expected !== "object") return [];
  const problems: string[] = [];
  const object = actual as Record<string, unknown>;
  for (const [key, value] of Object.entries(expected)) {
    const path = at ? `${at}.${key}` : key;
    if (!(key in object)) problems.push(`${path}: missing`);
    else problems.push(...shapeMismatches(value, object[key], path, skip));
  }
  return problems;
}
