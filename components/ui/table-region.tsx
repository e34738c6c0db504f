import type { ReactNode } from "react";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900";

/**
 * The scrolling frame around a wide table. It can take keyboard focus, so a keyboard user can
 * scroll it sideways. On its own on a page it is a named region with a border; inside a section
 * that already names the content (`inset`) it is a named group, so the page keeps one region per section.
 */
export function TableRegion({
  label,
  inset = false,
  className = "",
  children,
}: {
  label: string;
  inset?: boolean;
  className?: string;
  children: ReactNode;
}) {
  if (inset) {
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      // biome-ignore lint/a11y/useSemanticElements: a fieldset would announce a form group; this frames a table
      <div role="group" aria-label={label} tabIndex={0} className={`overflow-x-auto ${focusRing} ${className}`}>
        {children}
      </div>
    );
  }
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className={`overflow-x-auto rounded-xl border border-stone-200 bg-white ${focusRing} ${className}`}
    >
      {children}
    </section>
  );
}
