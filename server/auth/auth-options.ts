import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db/client";
import { authSecret, configureAuthOrigin, SESSION_MAX_AGE_SECONDS, secureCookiesEnabled } from "./auth-config";
import { revokeStaffSession } from "./revoke-staff-session";
import { type SignedInStaff, signInStaff } from "./sign-in-staff";

const credentialsSchema = z.object({ email: z.string().trim().max(320), password: z.string().min(1).max(1024) });

/**
 * What the sign-in page shows for every refusal (next-auth passes an authorize() error's message
 * through). One message whatever the cause, so it cannot tell a real account from an unknown one.
 */
export const SIGN_IN_REFUSED =
  "Wrong email or password. After several failed attempts the account pauses sign-in for a few minutes.";

type StaffUser = User & Pick<SignedInStaff, "role" | "sessionVersion">;

export function authOptions(): NextAuthOptions {
  configureAuthOrigin();
  return {
    secret: authSecret(),
    useSecureCookies: secureCookiesEnabled(),
    // JWT sessions: the token carries the user id and session version; every request re-checks
    // both against the database (staff-session.ts), so revocation does not wait for expiry.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 0 },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw): Promise<StaffUser | null> {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) throw new Error(SIGN_IN_REFUSED);
          const result = await signInStaff(db(), parsed.data);
          if (!result.ok) throw new Error(SIGN_IN_REFUSED);
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
