import "server-only";
import { serverEnv } from "../env";
import { IP_COUNTRY_HEADERS, ipCountryFromHeaders } from "./attributes/ip-country";
import { DEFAULT_USD_RATES, parseUsdRates, type UsdRateTable } from "./attributes/usd-rates";
import type { EarlyWarningPolicy } from "./early-warnings/apply-early-fraud-warning";
import { parseDecimal } from "./rules/parse-rule";

let rates: { text: string; table: UsdRateTable } | undefined;

/** The configured rate table (FRAUD_USD_RATES, else the defaults), parsed once per value. */
export function configuredUsdRates(): UsdRateTable {
  const text = serverEnv().FRAUD_USD_RATES ?? DEFAULT_USD_RATES;
  if (rates?.text !== text) rates = { text, table: parseUsdRates(text) };
  return rates.table;
}

/** The early fraud warning policy as configured: refund automatically below this many dollars. */
export function earlyWarningPolicy(): EarlyWarningPolicy {
  return {
    refundBelowUsd: parseDecimal(serverEnv().FRAUD_EARLY_WARNING_REFUND_BELOW_USD),
    rates: configuredUsdRates(),
  };
}

/** The client's country from the trusted proxy's header, as the environment configures it. */
export function requestIpCountry(headers: Headers): string | null {
  const env = serverEnv();
  const names = env.FRAUD_IP_COUNTRY_HEADERS?.split(",").map((name) => name.trim().toLowerCase());
  return ipCountryFromHeaders(headers, {
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    headerNames: names ?? IP_COUNTRY_HEADERS,
  });
}
