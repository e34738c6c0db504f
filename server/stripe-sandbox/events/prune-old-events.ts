import type { Sandbox } from "../core/sandbox";
import type { SandboxState } from "../core/state";

const KEEP_SECONDS = 30 * 86_400;
const lastPrune = new WeakMap<SandboxState, number>();

/** Stripe keeps events for 30 days; so does the sandbox, checked once a sandbox hour. */
export function pruneOldEvents(sb: Sandbox): void {
  const now = sb.now();
  if (now - (lastPrune.get(sb.state) ?? 0) < 3600) return;
  lastPrune.set(sb.state, now);
  let removed = false;
  for (const event of Object.values(sb.state.events)) {
    if (event.created >= now - KEEP_SECONDS) break;
    delete sb.state.events[event.id];
    removed = true;
  }
  if (removed) sb.touch();
}
