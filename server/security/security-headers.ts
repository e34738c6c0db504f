import { contentSecurityPolicy, type PolicyContext } from "./content-security-policy";

/** Paths whose responses can carry staff data (or set staff cookies): never stored by any cache. */
export function carriesStaffData(pathname: string): boolean {
  return /^\/(dashboard|sign-in|api)(\/|$)/.test(pathname);
}

/** The headers every PayOps response carries; set in one place, the proxy (proxy.ts). */
export function securityHeaders(context: PolicyContext & { pathname: string }): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(context),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": 'camera=(), microphone=(), geolocation=(), usb=(), payment=(self "https://js.stripe.com")',
    "cross-origin-opener-policy": "same-origin",
  };
  if (context.https) headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  if (carriesStaffData(context.pathname)) headers["cache-control"] = "no-store";
  return headers;
}
