import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { emptyState, type SandboxState } from "./state";

export interface Persister {
  load(): SandboxState;
  /** Saves soon, coalescing bursts of changes into one write. */
  schedule(state: SandboxState): void;
  flush(state: SandboxState): void;
}

/** The state as one JSON file, written atomically (temp file, then rename). */
export function filePersister(dataDir: string, debounceMs = 100): Persister {
  const file = path.join(dataDir, "state.json");
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> | null = null;
  let pendingState: SandboxState | null = null;
  // After the final flush a late background write must not replace the newer file.
  let closed = false;

  // A large state takes a while to serialise; write it less often so saving never dominates the CPU.
  let interval = debounceMs;
  const writeNow = async (state: SandboxState) => {
    const started = performance.now();
    const temp = `${file}.${process.pid}.tmp`;
    const text = JSON.stringify(state);
    interval = Math.max(debounceMs, Math.min(5000, 10 * (performance.now() - started)));
    await writeFile(temp, text);
    if (!closed) await rename(temp, file);
  };

  const run = () => {
    timer = null;
    if (!pendingState) return;
    const state = pendingState;
    pendingState = null;
    writing = writeNow(state).finally(() => {
      writing = null;
      if (pendingState && !timer) timer = setTimeout(run, interval);
    });
  };

  return {
    load() {
      mkdirSync(dataDir, { recursive: true });
      if (!existsSync(file)) return emptyState();
      let loaded: SandboxState;
      try {
        loaded = JSON.parse(readFileSync(file, "utf8")) as SandboxState;
      } catch (error) {
        throw new Error(
          `The Stripe sandbox state ${file} cannot be read (${(error as Error).message}); move it aside to start empty.`,
        );
      }
      return { ...emptyState(), ...loaded };
    },
    schedule(state) {
      if (closed) return;
      pendingState = state;
      if (!timer && !writing) timer = setTimeout(run, interval);
    },
    flush(state) {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      pendingState = null;
      const temp = `${file}.${process.pid}.flush.tmp`;
      writeFileSync(temp, JSON.stringify(state));
      renameSync(temp, file);
    },
  };
}

export function memoryPersister(): Persister {
  return { load: emptyState, schedule() {}, flush() {} };
}
