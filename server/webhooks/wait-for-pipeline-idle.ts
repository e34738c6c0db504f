import type { LocalExecutor } from "../jobs/local-executor";
import type { RunningSandbox } from "../stripe-sandbox";

/** Sandbox work due within this much sandbox time counts as still to come; later work (payouts days away) does not. */
const HORIZON_MS = 5_000;
const POLL_MS = 20;

/**
 * Whether the executor has nothing queued, running or waiting to retry. idle() resolves at once
 * when that is so; otherwise its wait is kept and reused, so polling never piles up waiters.
 */
function executorIdleProbe(executor: LocalExecutor): () => Promise<boolean> {
  let waiting: Promise<void> | null = null;
  return async () => {
    if (waiting) return false;
    let idle = false;
    const check = executor.idle().then(() => {
      idle = true;
      if (waiting === check) waiting = null;
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!idle) waiting = check;
    return idle;
  };
}

/** What the pipeline is still doing, in words; empty when it is idle. */
async function describePending(sandbox: RunningSandbox, isExecutorIdle: () => Promise<boolean>): Promise<string[]> {
  const sb = sandbox.runtime.sb;
  const pending: string[] = [];
  const soon = sb.state.tasks.filter((task) => task.dueAtMs <= sb.nowMs() + HORIZON_MS);
  if (soon.length > 0) pending.push(`${soon.length} sandbox task(s) due (${[...new Set(soon.map((t) => t.kind))]})`);
  const deliveries = Object.values(sb.state.webhookJobs);
  if (deliveries.length > 0) pending.push(`${deliveries.length} webhook delivery(ies) owed`);
  if (!(await isExecutorIdle())) pending.push("jobs queued, running or waiting to retry");
  return pending;
}

/**
 * Waits until the sandbox has no task due soon and no webhook left to deliver, and the executor
 * has nothing left to run, twice in a row (a job's call to Stripe may cause new events). Throws,
 * naming what was still pending, when that does not happen within `timeoutMs`.
 */
export async function waitForPipelineIdle(
  sandbox: RunningSandbox,
  executor: LocalExecutor,
  timeoutMs = 50_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const isExecutorIdle = executorIdleProbe(executor);
  let quietChecks = 0;
  for (;;) {
    const pending = await describePending(sandbox, isExecutorIdle);
    quietChecks = pending.length === 0 ? quietChecks + 1 : 0;
    if (quietChecks >= 2) return;
    if (Date.now() > deadline) {
      throw new Error(`The webhook pipeline did not settle within ${timeoutMs} ms: still ${pending.join("; ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
