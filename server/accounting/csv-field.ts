/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe; amounts
 * are passed as `number` fields and never touched.
 */
export function csvField(value: string, kind: "text" | "number" = "text"): string {
  const safe = kind === "text" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(fields: readonly string[]): string {
  return `${fields.join(",")}\r\n`;
}
