/**
 * Money in PayOps is an integer number of minor units plus an ISO 4217 currency, everywhere.
 * This module is the one place that knows how many decimals a currency has, how to turn a decimal
 * string into minor units and back, how to show an amount to a person, and how to split an amount
 * across lines without losing or inventing a unit.
 */
export { allocate } from "./allocate-amount";
export { toDecimalString, toMinorUnits } from "./convert-minor-units";
export { type CurrencyExponent, currencyExponent, knownCurrency, normalizeCurrency } from "./currency-exponent";
export { formatMoney } from "./format-money";
