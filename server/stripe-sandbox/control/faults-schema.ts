import { z } from "zod";

const rate = z.number().min(0).max(1);

/** POST /_sandbox/faults replaces the settings; anything omitted is off (and a seed is drawn). */
export const faultsSchema = z.object({
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
  webhook: z
    .object({
      duplicate: z.number().int().min(1).max(20).optional(),
      shuffleWindowMs: z.number().int().min(0).max(600_000).optional(),
      delayMs: z.number().int().min(0).max(3_600_000).optional(),
      dropRate: rate.optional(),
    })
    .optional(),
  api: z
    .object({
      errorRate: rate.optional(),
      hangRate: rate.optional(),
      timing: z.enum(["before", "after"]).optional(),
      hangMs: z.number().int().min(0).max(600_000).optional(),
      pathPrefix: z.string().optional(),
    })
    .optional(),
});
