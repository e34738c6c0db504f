import type Stripe from "stripe";
import { db, type PrismaClient } from "../db/client";
import type { StaffRole } from "../db/generated/enums";
import { serverEnv } from "../env";
import { stripe } from "../stripe/client";

/** What the refund actions need from outside; tests pass their own database and sandbox. */
export type RefundDeps = {
  prisma: PrismaClient;
  stripe: Stripe;
  approvalThresholdMinor: number;
  /** Failed sends to Stripe after which a refund's effect is parked as a dead letter. */
  deadLetterAfterAttempts?: number;
};

export type StaffActor = { id: string; role: StaffRole };

export function appRefundDeps(): RefundDeps {
  const env = serverEnv();
  return {
    prisma: db(),
    stripe: stripe(),
    approvalThresholdMinor: env.REFUND_APPROVAL_THRESHOLD_MINOR,
    deadLetterAfterAttempts: env.DEAD_LETTER_AFTER_ATTEMPTS,
  };
}

/** Refund transactions are short but queue on the payment lock, so they may wait for a while. */
export const REFUND_TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;
