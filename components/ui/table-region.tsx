import type { ReactNode } from "react";

/**
 * The scrolling frame around a wide table. It can take keyboard focus, so a keyboard user can
 * scroll it sideways, and it is a named region for screen readers.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-stone-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
    >
      {children}
    </section>
  );
}
