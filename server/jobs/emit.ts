import { logger } from "../observability/logger";
import { currentTraceCarrier } from "../observability/tracing";
import type { JobEvent, JobEventData, JobEventName } from "./job-events";

/**
 * Where emitted events go: the local executor's queue or Inngest. The executor's door (the app's
 * start-up) hands it over, so this room never imports the engine behind it.
 */
export type JobEventSink = (events: JobEvent[]) => Promise<void>;

// On globalThis because Next.js may load this module once for instrumentation and again per route bundle.
const holder = globalThis as unknown as { payopsJobSink?: JobEventSink };

export function setJobEventSink(sink: JobEventSink | undefined): void {
  holder.payopsJobSink = sink;
}

/**
 * Starts background work by name. Knows no handlers: the executor behind the sink decides what
 * runs. When nothing is listening (a script, a test) the event is dropped with a log line; the
 * inbox sweeper picks up whatever it was for.
 */
export async function emit<Name extends JobEventName>(name: Name, data: JobEventData<Name>): Promise<void> {
  const event = { name, data, trace: currentTraceCarrier() } as JobEvent;
  const sink = holder.payopsJobSink;
  if (!sink) {
    logger.debug({ event: name }, "no job executor is running; the sweeper will pick this up");
    return;
  }
  await sink([event]);
}
