/** Headers a CDN in front of PayOps sets to the client's country (Vercel, Cloudflare). */
export const IP_COUNTRY_HEADERS = ["x-vercel-ip-country", "cf-ipcountry"] as const;

/**
 * The client's country from the proxy's header, only when a proxy is trusted
 * (TRUSTED_PROXY_HOPS > 0): without one, the header is whatever the client typed. `XX` and `T1`
 * (Cloudflare's unknown and Tor) are no country.
 */
export function ipCountryFromHeaders(
  headers: Headers,
  options: { trustedProxyHops: number; headerNames: readonly string[] },
): string | null {
  if (options.trustedProxyHops <= 0) return null;
  for (const name of options.headerNames) {
    const value = headers.get(name)?.trim().toUpperCase();
    if (value && /^[A-Z]{2}$/.test(value) && value !== "XX" && value !== "T1") return value;
  }
  return null;
}
