import { formatMoney } from "@/server/money";

/** An amount in a break's currency; an unknown or missing currency shows the minor units as they are. */
export function breakAmount(minor: number, currency: string | null): string {
  if (!currency) return String(minor);
  try {
    return formatMoney(minor, currency);
  } catch {
    return `${minor} ${currency} (minor units)`;
  }
}
