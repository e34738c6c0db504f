"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TWO_FACTOR_CODE_NEEDED } from "@/server/auth/sign-in-messages";

// next-auth's own codes, shown in words; messages from our sign-in check come through as they are.
function signInErrorText(error: string): string {
  if (error === "CredentialsSignin") return "Wrong email or password.";
  if (/^[A-Z][A-Za-z]+$/.test(error)) return "Sign-in failed. Try again.";
  return error;
}

export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? signInErrorText(initialError) : null);
  const [pending, setPending] = useState(false);
  const [askCode, setAskCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        code: String(form.get("code") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(returnTo);
        router.refresh();
        return;
      }
      if (result?.error === TWO_FACTOR_CODE_NEEDED) setAskCode(true);
      setError(signInErrorText(result?.error ?? "Sign-in failed"));
    } catch {
      setError("Sign-in failed: the server could not be reached.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      {error ? <Notice tone={error === TWO_FACTOR_CODE_NEEDED ? "info" : "error"}>{error}</Notice> : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-stone-900">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block h-11 w-full rounded-lg border border-stone-300 px-3 text-sm"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-stone-900">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block h-11 w-full rounded-lg border border-stone-300 px-3 text-sm"
        />
      </div>
      {askCode ? (
        <div>
          <label htmlFor="code" className="block text-sm font-medium text-stone-900">
            Authentication code
          </label>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            // biome-ignore lint/a11y/noAutofocus: the field appears because the member must fill it next
            autoFocus
            className="mt-1 block h-11 w-full rounded-lg border border-stone-300 px-3 text-sm"
          />
        </div>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
