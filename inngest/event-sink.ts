import type { JobEventSink } from "@/server/jobs/emit";
import { inngest } from "./client";

/** Sends emitted job events to Inngest (JOB_EXECUTOR=inngest); the app's start-up installs it. */
export const inngestEventSink: JobEventSink = async (events) => {
  await inngest.send(events.map((event) => ({ name: event.name, data: event.data })));
};
