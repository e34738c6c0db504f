import "server-only";
import { createHash } from "node:crypto";
import { serverEnv } from "../env";

/** Staff sessions are short and sliding: each visit to the back office renews them. */
export const SESSION_MAX_AGE_SECONDS = 30 * 60;

/**
 * The key that signs and encrypts staff session tokens. Production refuses to start without
 * AUTH_SECRET (server/env.ts); elsewhere a fixed development key keeps `npm run dev` zero-setup.
 */
export function authSecret(): string {
  const env = serverEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET is required in production");
  return createHash("sha256").update("payops-development-auth-secret").digest("hex");
}

/** Secure (HTTPS-only, __Secure- or __Host- prefixed) cookies whenever the app is served over HTTPS. */
export function secureCookiesEnabled(): boolean {
  return serverEnv().APP_URL.startsWith("https://");
}

/**
 * Where next-auth builds its callback URLs from: APP_URL when configured; otherwise (development,
 * tests on a free port) the request's own host.
 */
export function configureAuthOrigin(): void {
  if (process.env.NEXTAUTH_URL) return;
  if (process.env.APP_URL) process.env.NEXTAUTH_URL = process.env.APP_URL;
  else process.env.AUTH_TRUST_HOST ??= "1";
}

/**
 * Over HTTPS the session cookie is `__Host-` prefixed: the browser then takes it only when Secure,
 * for path / and without a Domain, so no subdomain can set or shadow a staff session.
 */
export function sessionCookieName(): string {
  return secureCookiesEnabled() ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

/** next-auth's session cookie options (its other cookies already follow useSecureCookies). */
export function sessionCookieOptions() {
  const secure = secureCookiesEnabled();
  return {
    name: sessionCookieName(),
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
