import { z } from "zod";

/** Every event that starts background work, with the shape of its data. Names are `room/thing.happened`. */
/** An id PostgreSQL can look up: no NUL (text refuses it), and of a sane length. */
const storableId = z
  .string()
  .min(1)
  .max(255)
  .refine((value) => !value.includes("\u0000"), "must not contain a NUL character");

export const JOB_EVENTS = {
  "stripe/event.received": z.object({
    stripeEventId: storableId.refine((value) => value.startsWith("evt_"), 'must start with "evt_"'),
    /** The order (or, failing that, the Stripe object) the event is about: one job per key at a time. */
    orderKey: storableId,
  }),
  "webhooks/sweep.requested": z.object({}),
  /** Performs every outbox effect that is due (the outbox's dispatcher and recovery). */
  "jobs/outbox.redrive-requested": z.object({}),
  /** Posts the journal to every active accounting connection (or the one named). */
  "accounting/sync.requested": z.object({ connectionId: z.uuid().optional() }),
  /** Reconciles a window (default: yesterday, UTC); the nightly run and a run asked for by hand. */
  "reconciliation/run.requested": z
    .object({
      from: z.iso.datetime().optional(),
      to: z.iso.datetime().optional(),
      /** Who asked: the schedule (default) or finance from the back office. */
      trigger: z.enum(["schedule", "back_office"]).optional(),
    })
    .refine((data) => Boolean(data.from) === Boolean(data.to), "give both ends of the window or neither"),
} as const;

export type JobEventName = keyof typeof JOB_EVENTS;
export type JobEventData<Name extends JobEventName> = z.infer<(typeof JOB_EVENTS)[Name]>;
/** `trace` carries the emitting request's W3C trace context, so the job's spans join its trace. */
export type JobEvent = {
  [Name in JobEventName]: { name: Name; data: JobEventData<Name>; trace?: Record<string, string> };
}[JobEventName];
