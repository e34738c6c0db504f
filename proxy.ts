import { type NextRequest, NextResponse } from "next/server";
import { serverEnv } from "@/server/env";
import { refuseUndecodablePath } from "@/server/observability/refuse-undecodable-path";
import { crossSiteRefusal } from "@/server/security/check-request-origin";
import { securityHeaders } from "@/server/security/security-headers";

/**
 * Runs before every request: refuses addresses with a broken percent-encoding and cross-site state
 * changes, and gives every response the security headers with a fresh CSP nonce. Next.js reads the nonce from the request's
 * Content-Security-Policy header and puts it on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  const env = serverEnv();
  const allowedOrigin = process.env.APP_URL ? new URL(env.APP_URL).origin : request.nextUrl.origin;
  const refusal = crossSiteRefusal({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
    allowedOrigin,
  });

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    sandboxUrl: env.STRIPE_SECRET_KEY ? null : (env.STRIPE_API_URL ?? null),
    https: env.APP_URL.startsWith("https://"),
    development: env.NODE_ENV === "development",
    pathname: request.nextUrl.pathname,
  });

  let response: Response;
  const undecodable = refuseUndecodablePath(request.url);
  if (undecodable) {
    response = undecodable;
  } else if (refusal) {
    response = NextResponse.json({ error: `Cross-site request refused: ${refusal}.` }, { status: 403 });
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("x-nonce", nonce);
    forwarded.set("content-security-policy", headers["content-security-policy"]!);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every path; Next's prefetches of static segments carry no page of their own to protect.
  matcher: [{ source: "/:path*" }],
};
