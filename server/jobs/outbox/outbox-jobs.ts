import { defineJob, type JobDefinition } from "../job-definition";
import { dispatchDueEffects } from "./dispatch-due-effects";
import type { EffectPerformers } from "./outbox-effect";

/**
 * The outbox's dispatcher, given the performers the rooms register (the door assembles them):
 * every minute under Inngest's cron, on the sweep timer under the local executor. The effect row
 * keeps its own attempts and backoff, so the job itself never retries.
 */
export function outboxJobs(performers: EffectPerformers): JobDefinition[] {
  return [
    defineJob({
      id: "redrive-outbox",
      event: "jobs/outbox.redrive-requested",
      cron: "* * * * *",
      retries: 0,
      handler: async (_data, step, context) =>
        step.run("dispatch-due-effects", () => dispatchDueEffects(performers, context)),
    }),
  ];
}
