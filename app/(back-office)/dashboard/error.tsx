"use client";

import { Button } from "@/components/ui/button";

/** A back-office page that failed on the server: a sentence and the reference that finds it in the log. */
export default function BackOfficeError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-semibold text-stone-900">This page could not be loaded</h1>
      <p className="text-stone-700">
        Something went wrong on our side. Please try again; if it keeps happening, quote
        {error.digest ? ` reference ${error.digest}` : " the time you saw this"}.
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
