"use client";

import { Button } from "@/components/ui/button";

/** Shown when a shop page cannot be rendered (for example the database is unreachable). */
export default function ShopError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-semibold text-stone-900">The shop is taking a short break</h1>
      <p className="text-stone-700">We couldn’t load this page just now. Please try again in a moment.</p>
      {error.digest ? <p className="text-sm text-stone-600">Reference: {error.digest}</p> : null}
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
