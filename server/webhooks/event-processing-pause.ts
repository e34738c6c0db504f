import type { PrismaClient, Tx } from "../db/client";

export const STRIPE_EVENT_PIPELINE = "stripe_events";

/**
 * Whether an admin paused Stripe event processing. Read per event (one primary-key probe), so a
 * pause takes effect on the next event on every instance; receiving and storing never pause.
 */
export async function isEventProcessingPaused(prisma: PrismaClient | Tx): Promise<boolean> {
  const pause = await prisma.processingPause.findUnique({
    where: { pipeline: STRIPE_EVENT_PIPELINE },
    select: { pipeline: true },
  });
  return pause !== null;
}

export async function readEventProcessingPause(prisma: PrismaClient) {
  return prisma.processingPause.findUnique({
    where: { pipeline: STRIPE_EVENT_PIPELINE },
    select: { pausedAt: true, reason: true },
  });
}
