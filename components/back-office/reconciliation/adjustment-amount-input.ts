import { toDecimalString, toMinorUnits } from "@/server/money";

/** The break's difference as finance types amounts: "0.30" for 30 cents, "1200" for ¥1,200. */
export function adjustmentAmountDraft(amountMinor: number, currency: string | null): string {
  if (!currency) return "";
  try {
    return toDecimalString(amountMinor, currency);
  } catch {
    return "";
  }
}

/**
 * An adjusting entry's amount as finance typed it ("12.50", "-0.30", "1200" for JPY), in integer
 * minor units of the break's currency by string arithmetic (no floats), or a sentence saying why
 * not. The server checks it again; this catches typing mistakes before anything is sent.
 */
export function adjustmentAmountInput(
  typed: string,
  currency: string | null,
): { ok: true; amountMinor: number } | { ok: false; message: string } {
  if (!currency) {
    return { ok: false, message: "This difference has no currency: resolve it by hand or write it off." };
  }
  const text = typed.trim();
  if (text === "") return { ok: false, message: `Enter the amount in ${currency}, such as ${example(currency)}.` };
  if (/[,\s']/.test(text)) {
    return {
      ok: false,
      message: `Enter the amount without thousands separators, with a point for decimals, such as ${example(currency)}.`,
    };
  }
  let amountMinor: number;
  try {
    amountMinor = toMinorUnits(text, currency);
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? error.message : `Enter an amount such as ${example(currency)}.`,
    };
  }
  if (amountMinor === 0) return { ok: false, message: "An adjusting entry moves an amount other than zero." };
  return { ok: true, amountMinor };
}

function example(currency: string): string {
  return toDecimalString(1250, currency);
}
