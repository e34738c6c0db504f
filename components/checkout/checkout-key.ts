const STORAGE_KEY = "payops.checkout.v1";

type StoredCheckout = { fingerprint: string; key: string; orderToken?: string };

function newKey(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replaceAll("=", "");
}

/**
 * The checkout key for what the customer is about to buy. The same cart and details keep the same
 * key across double submits, retries and reloads (it lives in sessionStorage), so the server hands
 * back the same order; changing the cart or the details starts a new checkout.
 */
export function checkoutKeyFor(fingerprint: string, storage: Storage | null = safeSessionStorage()): string {
  const stored = read(storage);
  if (stored?.fingerprint === fingerprint) return stored.key;
  const key = newKey();
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify({ fingerprint, key } satisfies StoredCheckout));
  } catch {
    // Without storage a reload starts a new checkout; double submits are still caught by the button.
  }
  return key;
}

/** Notes which order this checkout made, so its return page knows the cart was for it. */
export function rememberCheckoutOrder(orderToken: string, storage: Storage | null = safeSessionStorage()): void {
  const stored = read(storage);
  if (!stored) return;
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify({ ...stored, orderToken } satisfies StoredCheckout));
  } catch {
    // Without storage the cart simply stays until the customer empties it.
  }
}

/** True when the current checkout made this order (and so the cart in this tab was bought by it). */
export function isCurrentCheckoutOrder(orderToken: string, storage: Storage | null = safeSessionStorage()): boolean {
  return read(storage)?.orderToken === orderToken;
}

/** Forgets the checkout once it is paid, so the next purchase is a new order. */
export function forgetCheckoutKey(storage: Storage | null = safeSessionStorage()): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to forget.
  }
}

function read(storage: Storage | null): StoredCheckout | null {
  try {
    const value = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "null") as Partial<StoredCheckout> | null;
    return typeof value?.fingerprint === "string" && typeof value.key === "string" ? (value as StoredCheckout) : null;
  } catch {
    return null;
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
