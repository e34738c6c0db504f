/** Dates in the back office are UTC, written the same on the server and in the browser. */
export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  const value = typeof date === "string" ? new Date(date) : date;
  return `${value.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}
