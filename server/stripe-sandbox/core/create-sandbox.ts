import { emitEvent } from "../events/emit-event";
import { createDispatcher } from "../webhooks/dispatcher";
import { defaultConfig, mergeConfig, type SandboxConfigInput } from "./config";
import { noFaults } from "./faults";
import { newId } from "./ids";
import type { Persister } from "./persistence";
import type { Sandbox } from "./sandbox";
import { advanceClock, tick } from "./scheduler";
import { seededRandom } from "./seeded-random";
import { emptyState } from "./state";
import { taskHandlers } from "./task-handlers";

export interface SandboxRuntime {
  sb: Sandbox;
  tick(): void;
  advance(seconds: number): void;
  reset(): void;
  stop(): Promise<void>;
}

/** The sandbox's state and behaviour, without HTTP: usable in-process by tests. */
export function createSandbox(persister: Persister, config?: SandboxConfigInput, tickMs = 100): SandboxRuntime {
  const faults = noFaults();
  const sb: Sandbox = {
    state: persister.load(),
    config: mergeConfig(defaultConfig(), config),
    faults,
    faultRandom: seededRandom(faults.seed),
    request: null,
    pinnedNowMs: null,
    nowMs() {
      return this.pinnedNowMs ?? Date.now() + this.state.clockOffsetMs;
    },
    now() {
      return Math.floor(this.nowMs() / 1000);
    },
    emit(type, object, previous) {
      return emitEvent(sb, type, object, previous);
    },
    schedule(kind, ref, delayMs, arg) {
      const task = { id: newId("task"), dueAtMs: sb.nowMs() + delayMs, kind, ref, ...(arg ? { arg } : {}) };
      sb.state.tasks.push(task);
      sb.touch();
      return task;
    },
    touch() {
      persister.schedule(sb.state);
    },
    webhooks: undefined as never,
  };
  sb.webhooks = createDispatcher(() => sb);
  sb.webhooks.restore();
  const runTick = () => tick(sb, taskHandlers);
  const interval = setInterval(runTick, tickMs);
  interval.unref();
  return {
    sb,
    tick: runTick,
    advance: (seconds) => advanceClock(sb, taskHandlers, seconds),
    reset() {
      sb.webhooks.clear();
      sb.state = emptyState();
      sb.faults = noFaults();
      sb.faultRandom = seededRandom(sb.faults.seed);
      sb.touch();
    },
    async stop() {
      clearInterval(interval);
      await sb.webhooks.stop();
      persister.flush(sb.state);
    },
  };
}
