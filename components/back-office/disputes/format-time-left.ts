const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "3 days 4 hours left", "5 hours left", "overdue by 2 hours": how long until evidence is due. */
export function formatTimeLeft(timeLeftMs: number | null): string {
  if (timeLeftMs === null) return "No deadline";
  const overdue = timeLeftMs < 0;
  const span = Math.abs(timeLeftMs);
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.floor((span % HOUR) / 60_000);
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;
  const text =
    days > 0
      ? [plural(days, "day"), hours > 0 ? plural(hours, "hour") : ""].filter(Boolean).join(" ")
      : hours > 0
        ? plural(hours, "hour")
        : plural(Math.max(minutes, overdue ? minutes : 1), "minute");
  return overdue ? `overdue by ${text}` : `${text} left`;
}

/** Under two days left is urgent; the list highlights it. */
export function isDeadlineUrgent(timeLeftMs: number | null): boolean {
  return timeLeftMs !== null && timeLeftMs < 2 * DAY;
}
