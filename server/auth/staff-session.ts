import "server-only";
import { getToken } from "next-auth/jwt";
import { db } from "../db/client";
import type { StaffRole } from "../db/generated/enums";
import { UUID_PATTERN } from "../validation/storable-input";
import { authSecret, secureCookiesEnabled, sessionCookieName } from "./auth-config";
import { mustEnrolTwoFactor, twoFactorRequired } from "./two-factor-requirement";

export type StaffSession = {
  userId: string;
  email: string;
  name: string;
  role: StaffRole;
  /** Signed in with a password, but must set up two-factor sign-in before anything else. */
  twoFactorPending?: boolean;
  twoFactorEnabled?: boolean;
};

export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

/**
 * The staff member behind a request, or null. The session token only says who signed in and at
 * which session version; the database decides whether that still counts, so deactivating a user
 * or "sign out everywhere" (which bumps the version) ends every token at once, signing out ends
 * that one session (its id is revoked), and a role change applies to the very next request.
 */
export async function resolveStaffSession(headers: Headers): Promise<StaffSession | null> {
  const cookies = parseCookieHeader(headers.get("cookie"));
  if (!Object.keys(cookies).some((name) => name.startsWith(sessionCookieName()))) return null;
  const token = await getToken({
    req: { headers: Object.fromEntries(headers), cookies } as never,
    secret: authSecret(),
    secureCookie: secureCookiesEnabled(),
    cookieName: sessionCookieName(),
  });
  if (!token?.sub || typeof token.sessionVersion !== "number") return null;
  if (typeof token.sessionId !== "string" || !UUID_PATTERN.test(token.sessionId)) return null;
  const [user, revoked] = await Promise.all([
    db().staffUser.findUnique({
      where: { id: token.sub },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        active: true,
        sessionVersion: true,
        totpEnabledAt: true,
      },
    }),
    db().revokedStaffSession.findUnique({ where: { sessionId: token.sessionId }, select: { sessionId: true } }),
  ]);
  if (revoked || !user?.active || user.sessionVersion !== token.sessionVersion) return null;
  const twoFactorPending =
    user.totpEnabledAt === null && mustEnrolTwoFactor(user.role, false, await twoFactorRequired(db()));
  const twoFactorEnabled = user.totpEnabledAt !== null;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, twoFactorPending, twoFactorEnabled };
}
