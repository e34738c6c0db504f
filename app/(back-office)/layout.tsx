import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Back office", template: "%s · PayOps back office" },
  robots: { index: false, follow: false },
};

export default function BackOfficeLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-screen bg-stone-100">{children}</div>;
}
