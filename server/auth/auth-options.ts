import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db/client";
import { authSecret, configureAuthOrigin, SESSION_MAX_AGE_SECONDS, secureCookiesEnabled } from "./auth-config";
import { failedSignInDelayMs } from "./sign-in-policy";
import { type SignedInStaff, signInStaff } from "./sign-in-staff";

const credentialsSchema = z.object({ email: z.string().trim().max(320), password: z.string().min(1).max(1024) });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Messages the sign-in page shows; next-auth passes an authorize() error's message through. */
export const SIGN_IN_ERRORS = {
  invalid: "Wrong email or password.",
  locked: "Too many failed attempts: this account is locked. Try again later.",
} as const;

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
          if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
          const result = await signInStaff(db(), parsed.data);
          if (result.ok) {
            const { id, email, name, role, sessionVersion } = result.staff;
            return { id, email, name, role, sessionVersion };
          }
          if (result.reason === "locked") throw new Error(SIGN_IN_ERRORS.locked);
          await sleep(failedSignInDelayMs(Math.max(result.failuresInARow, 1)));
          throw new Error(SIGN_IN_ERRORS.invalid);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const staff = user as StaffUser;
          token.sub = staff.id;
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
