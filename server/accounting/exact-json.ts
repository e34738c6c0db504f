import { toDecimalString } from "../money";

const MARK = "\u0000decimal:";

/** A money amount that JSON should carry as an exact decimal number (`12.50`), never via a float. */
export function decimalAmount(minor: bigint, currency: string): string {
  return `${MARK}${toDecimalString(minor, currency)}`;
}

/** JSON text in which every `decimalAmount` is written as the number it spells. */
export function exactJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000decimal:(-?\d+(?:\.\d+)?)"/g, "$1");
}
