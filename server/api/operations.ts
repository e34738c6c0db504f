import { z } from "zod";
import { db } from "../db/client";
import { listDeadLetters } from "../operations/list-dead-letters";
import { setEventProcessingPaused } from "../operations/pause-event-processing";
import { discardDeadLetter, replayDeadLetter } from "../operations/resolve-dead-letter";
import { stripe } from "../stripe/client";
import { UUID_PATTERN } from "../validation/storable-input";
import { readEventProcessingPause } from "../webhooks/event-processing-pause";
import { permitted } from "./procedures";
import { router } from "./trpc";

const deadLetter = z
  .object({
    source: z.enum(["inbox", "outbox"]),
    id: z.string().trim().min(1).max(255),
    reason: z.string().trim().min(3, "say why, in a few words").max(500),
  })
  // Outbox rows are keyed by uuid: anything else would reach PostgreSQL's uuid cast as a 500.
  .refine((input) => input.source !== "outbox" || UUID_PATTERN.test(input.id), {
    message: "expected an outbox entry id",
    path: ["id"],
  });

/** Admins see the inbox's and the outbox's accounting and decide what happens to dead letters. */
export const operationsRouter = router({
  deadLetters: permitted("operations.manage").query(() => listDeadLetters(db())),
  replay: permitted("operations.manage")
    .input(deadLetter)
    .mutation(({ input, ctx }) =>
      replayDeadLetter(
        input,
        { reason: input.reason, actor: { id: ctx.staff.userId } },
        { prisma: db(), stripe: stripe() },
      ),
    ),
  processingPause: permitted("operations.manage").query(() => readEventProcessingPause(db())),
  setProcessingPaused: permitted("operations.manage")
    .input(z.object({ paused: z.boolean(), reason: z.string().trim().min(3, "say why, in a few words").max(500) }))
    .mutation(({ input, ctx }) =>
      setEventProcessingPaused(db(), { paused: input.paused, reason: input.reason, actor: { id: ctx.staff.userId } }),
    ),
  discard: permitted("operations.manage")
    .input(deadLetter)
    .mutation(({ input, ctx }) =>
      discardDeadLetter(input, { reason: input.reason, actor: { id: ctx.staff.userId } }, { prisma: db() }),
    ),
});
