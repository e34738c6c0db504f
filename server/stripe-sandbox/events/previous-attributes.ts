function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Stripe's `previous_attributes`: only what changed, with the old values; nested hashes
 * (metadata, evidence) are diffed key by key, a key that did not exist before reads null.
 */
export function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const previous: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const old = before[key];
    const now = after[key];
    if (sameJson(old, now)) continue;
    if (isPlainObject(old) && isPlainObject(now) && key !== "data") {
      previous[key] = previousAttributes(old, now);
    } else {
      previous[key] = old ?? null;
    }
  }
  return previous;
}
