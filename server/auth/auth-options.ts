import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db/client";
import { resetRateLimit } from "../security/rate-limits";
import {
  authSecret,
  configureAuthOrigin,
  SESSION_MAX_AGE_SECONDS,
  secureCookiesEnabled,
  sessionCookieOptions,
} from "./auth-config";
import { revokeStaffSession } from "./revoke-staff-session";
import { SIGN_IN_REFUSED, TWO_FACTOR_CODE_NEEDED } from "./sign-in-messages";
import { type SignedInStaff, signInStaff } from "./sign-in-staff";

const credentialsSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().min(1).max(1024),
  code: z.string().trim().max(64).optional(),
});

type StaffUser = User & Pick<SignedInStaff, "role" | "sessionVersion">;

export function authOptions(): NextAuthOptions {
  configureAuthOrigin();
  return {
    secret: authSecret(),
    useSecureCookies: secureCookiesEnabled(),
    cookies: { sessionToken: sessionCookieOptions() },
    // JWT sessions: the token carries the user id and session version; every request re-checks
    // both against the database (staff-session.ts), so revocation does not wait for expiry.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 0 },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Authentication code", type: "text" },
        },
        async authorize(raw): Promise<StaffUser | null> {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) throw new Error(SIGN_IN_REFUSED);
          const result = await signInStaff(db(), parsed.data);
          if (!result.ok) throw new Error(result.needsCode ? TWO_FACTOR_CODE_NEEDED : SIGN_IN_REFUSED);
          // The per-email limit is against guessing: a member who got in starts afresh.
          await resetRateLimit("signInPerAccount", result.staff.email);
          const { id, email, name, role, sessionVersion } = result.staff;
          return { id, email, name, role, sessionVersion };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (token) await revokeStaffSession(db(), token);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const staff = user as StaffUser;
          token.sub = staff.id;
          // One id per sign-in, kept across renewals, so signing out can revoke this session alone.
          token.sessionId = randomUUID();
          token.sessionVersion = staff.sessionVersion;
          token.role = staff.role;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.sub, role: token.role });
        return session;
      },
      // Only same-origin paths after sign-in or sign-out, never an open redirect.
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        return url.startsWith(`${baseUrl}/`) ? url : `${baseUrl}/dashboard`;
      },
    },
  };
}
