import { AppError } from "../errors";
import { emit } from "../jobs/emit";

const DAY_MS = 86_400_000;
/** A month and a bit: larger windows belong to the command line, where nobody waits on a page. */
export const LONGEST_WINDOW_DAYS = 93;

export type RunRequest = { firstDay: string; lastDay: string; now?: Date };

/**
 * Finance asks for a window to be reconciled now, from its first to its last day (UTC, both
 * included): the same job the nightly run is, handed to the job executor (Inngest, or the local
 * executor offline), one run at a time. The run shows in the runs list as soon as it starts.
 */
export async function requestReconciliationRun(input: RunRequest): Promise<{ from: Date; to: Date }> {
  const from = new Date(`${input.firstDay}T00:00:00Z`);
  const to = new Date(new Date(`${input.lastDay}T00:00:00Z`).getTime() + DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new AppError("BAD_REQUEST", "Expected dates");
  if (to <= from) throw new AppError("BAD_REQUEST", "The last day must not be before the first day");
  if (to.getTime() - from.getTime() > LONGEST_WINDOW_DAYS * DAY_MS) {
    throw new AppError(
      "BAD_REQUEST",
      `Reconcile at most ${LONGEST_WINDOW_DAYS} days from here; use npm run reconcile for a longer window`,
    );
  }
  if (from.getTime() > (input.now ?? new Date()).getTime()) {
    throw new AppError("BAD_REQUEST", "The window starts in the future: there is nothing to reconcile yet");
  }
  await emit("reconciliation/run.requested", {
    from: from.toISOString(),
    to: to.toISOString(),
    trigger: "back_office",
  });
  return { from, to };
}
