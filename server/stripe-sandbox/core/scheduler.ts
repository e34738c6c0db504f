import { pruneOldEvents } from "../events/prune-old-events";
import { pruneIdempotencyKeys } from "../http/idempotency";
import { releaseAvailableFunds } from "../resources/balance";
import { progressPayouts, runAutomaticPayouts } from "../resources/payouts";
import type { Sandbox } from "./sandbox";
import type { ScheduledTask, TaskKind } from "./state";

const DAY_MS = 86_400_000;

export type TaskHandlers = Record<TaskKind, (sb: Sandbox, task: ScheduledTask) => void>;

function runDueTasks(sb: Sandbox, handlers: TaskHandlers): void {
  const now = sb.nowMs();
  // Tasks may schedule further tasks; loop until nothing is due.
  for (;;) {
    const due = sb.state.tasks.filter((task) => task.dueAtMs <= now).sort((a, b) => a.dueAtMs - b.dueAtMs);
    if (due.length === 0) return;
    const ids = new Set(due.map((task) => task.id));
    sb.state.tasks = sb.state.tasks.filter((task) => !ids.has(task.id));
    sb.touch();
    for (const task of due) handlers[task.kind](sb, task);
  }
}

/** One pass of everything that happens as sandbox time passes. */
export function tick(sb: Sandbox, handlers: TaskHandlers): void {
  runDueTasks(sb, handlers);
  releaseAvailableFunds(sb);
  const today = Math.floor(sb.nowMs() / DAY_MS);
  if (sb.state.lastPayoutDay < 0) {
    sb.state.lastPayoutDay = today;
    sb.touch();
  } else if (today > sb.state.lastPayoutDay) {
    sb.state.lastPayoutDay = today;
    sb.touch();
    if (sb.config.payouts.automatic) runAutomaticPayouts(sb);
  }
  progressPayouts(sb);
  pruneIdempotencyKeys(sb.state, sb.nowMs());
  pruneOldEvents(sb);
}

/**
 * Moves the sandbox clock forward, stopping at every task and every midnight on the way so that
 * things happen in the order and at the sandbox time they would have.
 */
export function advanceClock(sb: Sandbox, handlers: TaskHandlers, seconds: number): void {
  const target = sb.nowMs() + seconds * 1000;
  let cursor = sb.nowMs();
  try {
    for (;;) {
      const nextTask = Math.min(...sb.state.tasks.map((task) => task.dueAtMs).filter((due) => due > cursor), Infinity);
      const nextMidnight = (Math.floor(cursor / DAY_MS) + 1) * DAY_MS;
      const step = Math.min(nextTask, nextMidnight);
      if (step > target) break;
      cursor = step;
      sb.pinnedNowMs = cursor;
      tick(sb, handlers);
    }
  } finally {
    sb.pinnedNowMs = null;
  }
  sb.state.clockOffsetMs += target - sb.nowMs();
  sb.touch();
  tick(sb, handlers);
}
