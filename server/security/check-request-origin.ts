const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Routes called by other servers, each proving itself with a signature instead of a browser origin. */
const SIGNED_ROUTES = ["/api/stripe/webhook", "/api/inngest"];

/**
 * Cross-site request forgery check for a state-changing request: a browser always says where a
 * POST comes from (Origin, and Sec-Fetch-Site in current browsers), so one from another site is
 * refused. Requests with neither header come from no browser (scripts, servers) and carry no
 * victim's cookies to abuse. Returns the reason to refuse, or null.
 */
export function crossSiteRefusal(request: {
  method: string;
  pathname: string;
  headers: Headers;
  allowedOrigin: string;
}): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (SIGNED_ROUTES.some((route) => request.pathname === route || request.pathname.startsWith(`${route}/`))) {
    return null;
  }
  const origin = request.headers.get("origin");
  if (origin !== null) {
    return origin === request.allowedOrigin ? null : `requests from ${origin} are not accepted`;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return "cross-site requests are not accepted";
  return null;
}
