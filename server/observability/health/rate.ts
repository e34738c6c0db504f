/** A rate kept as its two counts, so a screen can show "3 of 4" and a test can recompute it. */
export type Rate = { count: number; of: number };

/** A rate as a percentage with one decimal ("75.0%"), or a dash when nothing was counted. */
export function formatRate(rate: Rate): string {
  if (rate.of === 0) return "–";
  return `${((rate.count * 100) / rate.of).toFixed(1)}%`;
}
