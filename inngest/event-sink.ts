import type { JobEventSink } from "@/server/jobs/emit";
import { inngest } from "./client";
import { TRACE_CONTEXT_KEY } from "./trace-context";

/**
 * Sends emitted job events to Inngest (JOB_EXECUTOR=inngest); the app's start-up installs it. The
 * emitting request's W3C trace context rides inside the event's data, where the function finds it.
 */
export const inngestEventSink: JobEventSink = async (events) => {
  await inngest.send(inngestEventsFrom(events));
};

export function inngestEventsFrom(events: Parameters<JobEventSink>[0]) {
  return events.map((event) => ({
    name: event.name,
    data: event.trace ? { ...event.data, [TRACE_CONTEXT_KEY]: event.trace } : event.data,
  }));
}
