"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";
import { ApiProvider } from "@/components/trpc/trpc-provider";
import { DateFormatProvider } from "@/components/ui/date-time";
import type { DateFormat } from "@/server/formatting/format-date-time";

/**
 * Staff sessions are short and sliding: asking next-auth for the session every few minutes while
 * the back office is open renews the cookie, so an active person is not signed out mid-task.
 */
export function BackOfficeProviders({ children, dateFormat }: { children: ReactNode; dateFormat: DateFormat }) {
  return (
    <SessionProvider refetchInterval={5 * 60} refetchOnWindowFocus>
      <ApiProvider>
        <DateFormatProvider format={dateFormat}>{children}</DateFormatProvider>
      </ApiProvider>
    </SessionProvider>
  );
}
