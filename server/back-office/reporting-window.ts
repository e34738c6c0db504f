const DAY_MS = 86_400_000;
const WINDOW_DAYS = 30;

export type ReportingWindow = {
  /** Midnight UTC of the first of the 30 days. */
  since: Date;
  /** Midnight UTC today, the last of them. */
  today: Date;
  /** The 30 days as `YYYY-MM-DD`, oldest first. */
  days: string[];
};

/** The back office's "last 30 days": today and the 29 UTC days before it, whole days. */
export function reportingWindow(now: Date): ReportingWindow {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const since = new Date(today.getTime() - (WINDOW_DAYS - 1) * DAY_MS);
  const days = Array.from({ length: WINDOW_DAYS }, (_, index) =>
    new Date(since.getTime() + index * DAY_MS).toISOString().slice(0, 10),
  );
  return { since, today, days };
}
