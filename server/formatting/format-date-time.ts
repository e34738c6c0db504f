/**
 * The one way PayOps writes a moment: Intl in the merchant's locale and time zone
 * (`MERCHANT_LOCALE`, `MERCHANT_TIME_ZONE`), the same on the server and in the browser so a page
 * renders identically on both, with the exact UTC time alongside for hover and details.
 */
export type DateFormat = { locale: string; timeZone: string };

export const DEFAULT_DATE_FORMAT: DateFormat = { locale: "en-US", timeZone: "UTC" };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(format: DateFormat, withTime: boolean): Intl.DateTimeFormat {
  const key = `${format.locale}|${format.timeZone}|${withTime}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(format.locale, {
      timeZone: format.timeZone,
      year: "numeric",
      month: "short",
      day: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" } : {}),
    });
    formatters.set(key, cached);
  }
  return cached;
}

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** "Dec 1, 2026, 08:59 AM GMT+1": date, time and the zone it is written in. */
export function formatDateTime(value: Date | string, format: DateFormat = DEFAULT_DATE_FORMAT): string {
  return formatter(format, true).format(toDate(value));
}

/** "Dec 1, 2026": the day in the merchant's zone (receipts, mails). */
export function formatDate(value: Date | string, format: DateFormat = DEFAULT_DATE_FORMAT): string {
  return formatter(format, false).format(toDate(value));
}

/** "2026-12-01 07:59:55 UTC": the exact moment, for a title on hover. */
export function formatUtc(value: Date | string): string {
  return `${toDate(value).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function isLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}
