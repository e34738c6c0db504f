"use client";

import { createContext, type ReactNode, useContext } from "react";
import { type DateFormat, DEFAULT_DATE_FORMAT, formatDateTime, formatUtc } from "@/server/formatting/format-date-time";

const DateFormatContext = createContext<DateFormat>(DEFAULT_DATE_FORMAT);

/** Gives every `<DateTime>` below it the merchant's locale and time zone (read from the server's env). */
export function DateFormatProvider({ format, children }: { format: DateFormat; children: ReactNode }) {
  return <DateFormatContext.Provider value={format}>{children}</DateFormatContext.Provider>;
}

/** A moment as every screen writes it: the merchant's zone in words, the exact UTC time on hover. */
export function DateTime({ value, empty = "—" }: { value: Date | string | null | undefined; empty?: string }) {
  const format = useContext(DateFormatContext);
  if (!value) return empty;
  const moment = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={moment.toISOString()} title={formatUtc(moment)}>
      {formatDateTime(moment, format)}
    </time>
  );
}
