"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button, buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";

/** Setting up the authenticator app: scan or type the key, confirm with a code, keep the recovery codes. */
export function TwoFactorEnrolment({ required, enrolled }: { required: boolean; enrolled: boolean }) {
  const trpc = useTRPC();
  const start = useMutation(trpc.twoFactor.start.mutationOptions());
  const confirm = useMutation(trpc.twoFactor.confirm.mutationOptions());
  const [code, setCode] = useState("");

  if (enrolled && !confirm.data) {
    return (
      <Notice tone="success">
        Two-factor sign-in is on for your account. If you lose your phone, sign in with a recovery code or ask an admin
        to reset it.
      </Notice>
    );
  }

  if (confirm.data) {
    return (
      <div className="space-y-4">
        <Notice tone="success">Two-factor sign-in is on. Each sign-in now asks for a code from the app.</Notice>
        <section aria-labelledby="recovery-codes" className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="recovery-codes" className="font-semibold text-stone-900">
            Recovery codes
          </h2>
          <p className="mt-1 text-sm text-stone-700">
            Each code signs you in once without the app. Keep them somewhere safe: they are not shown again.
          </p>
          <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
            {confirm.data.recoveryCodes.map((recoveryCode) => (
              <li key={recoveryCode}>{recoveryCode}</li>
            ))}
          </ul>
        </section>
        <Link href="/dashboard" className={buttonClasses()}>
          Continue to the back office
        </Link>
      </div>
    );
  }

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate({ code });
  }

  return (
    <div className="space-y-4">
      {required ? (
        <Notice tone="info">
          Your role can move money, so PayOps asks for a code from an authenticator app at each sign-in. Set it up to
          continue.
        </Notice>
      ) : null}
      {start.data ? (
        <form onSubmit={onConfirm} className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
          <p className="text-sm text-stone-700">
            Scan this code with your authenticator app (or type the key), then enter the 6-digit code it shows.
          </p>
          {/* biome-ignore lint/performance/noImgElement: a data URL made on the server, nothing to optimise */}
          <img src={start.data.qrCodeDataUrl} alt="QR code for your authenticator app" width={220} height={220} />
          <p className="text-sm">
            Key:{" "}
            <code data-testid="totp-key" className="font-mono break-all">
              {start.data.secret}
            </code>
          </p>
          <TextField
            id="totp-code"
            label="Code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={confirm.error?.message}
            required
          />
          <Button type="submit" disabled={confirm.isPending}>
            {confirm.isPending ? "Checking…" : "Turn on two-factor sign-in"}
          </Button>
        </form>
      ) : (
        <Button onClick={() => start.mutate()} disabled={start.isPending}>
          {start.isPending ? "Making a key…" : "Set up the authenticator app"}
        </Button>
      )}
      {start.error ? <Notice tone="error">{start.error.message}</Notice> : null}
    </div>
  );
}
