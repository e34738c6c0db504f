import { serverEnv } from "../env";
import type { DateFormat } from "./format-date-time";

/** The configured locale and time zone, for pages to hand to `<DateFormatProvider>` and for mails. */
export function merchantDateFormat(): DateFormat {
  const env = serverEnv();
  return { locale: env.MERCHANT_LOCALE, timeZone: env.MERCHANT_TIME_ZONE };
}
