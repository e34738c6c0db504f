import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/back-office/sign-in-form";
import { resolveStaffSession } from "@/server/auth/staff-session";
import { safeReturnPath } from "../back-office-access";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await resolveStaffSession(await headers())) redirect(returnTo);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <h1 className="text-2xl font-semibold text-stone-900">PayOps back office</h1>
      <p className="mt-1 text-sm text-stone-700">Sign in with your staff account.</p>
      <SignInForm returnTo={returnTo} initialError={error ?? null} />
    </main>
  );
}
