/** Which Stripe Dashboard holds an object: test-mode keys (and the sandbox) see test data only. */
export type StripeMode = "test" | "live";

export function stripeModeOfKey(secretKey: string | undefined): StripeMode {
  return secretKey && /^(sk|rk)_live_/.test(secretKey) ? "live" : "test";
}

/** The Dashboard's page per id prefix. */
const DASHBOARD_PATHS: [prefix: string, path: string][] = [
  ["pi_", "payments"],
  ["ch_", "payments"],
  ["py_", "payments"],
  ["re_", "refunds"],
  ["pyr_", "refunds"],
  ["dp_", "disputes"],
  ["du_", "disputes"],
  ["po_", "payouts"],
  ["evt_", "events"],
  ["file_", "files"],
];

/** The object's page in the Stripe Dashboard, built from its id and the mode; null for an id of no known kind. */
export function stripeDashboardUrl(id: string, mode: StripeMode): string | null {
  if (!/^[a-z]+_[A-Za-z0-9_]+$/.test(id)) return null;
  const match = DASHBOARD_PATHS.find(([prefix]) => id.startsWith(prefix));
  if (!match) return null;
  return `https://dashboard.stripe.com/${mode === "test" ? "test/" : ""}${match[1]}/${encodeURIComponent(id)}`;
}
