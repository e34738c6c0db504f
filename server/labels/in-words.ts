/** A value no table knows yet (a newer Stripe status) still reads as words, never as an enum value. */
export function inWords(value: string): string {
  const spaced = value.replaceAll(/[_.]+/g, " ").trim();
  return spaced.replace(/^./, (first) => first.toUpperCase());
}

/** The label for `value` in `table`, or the value in words when the table does not know it. */
export function labelFrom(table: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(table, value) ? (table[value] as string) : inWords(value);
}
