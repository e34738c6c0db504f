/** Knobs of the sandbox. Every delay is in sandbox milliseconds unless named otherwise. */
export interface SandboxConfig {
  pricing: {
    /** Card processing price: percentage in basis points plus a fixed amount in minor units. */
    cardPercentBps: number;
    cardFixed: number;
    /** Stripe's fee for a dispute, in minor units, charged on the withdrawal. */
    disputeFee: number;
    /** Older Stripe pricing returned the dispute fee on a win; current pricing keeps it. */
    disputeFeeRefundedOnWin: boolean;
  };
  timing: {
    /** With capture_method automatic_async Stripe fills the charge's balance_transaction a moment later. */
    chargeBalanceTransactionDelayMs: number;
    /** Pending card refunds succeed on their own after this delay, unless failed first. */
    refundSettleDelayMs: number;
    /** Asynchronous payment methods (SEPA debit) stay processing this long. */
    asyncPaymentSettleDelayMs: number;
    /** Disputes settled by test evidence (winning_evidence / losing_evidence) close after this delay. */
    disputeEvidenceSettleDelayMs: number;
    /** Days until a charge's funds become available (bypassPending cards skip this). */
    availabilityDays: number;
    disputeResponseDays: number;
    /** Uncaptured authorizations are canceled this long after confirmation, as Stripe does after 7 days. */
    authorizationExpiryDays: number;
  };
  payouts: {
    /** Daily automatic payouts when the sandbox clock crosses midnight UTC. */
    automatic: boolean;
    arrivalDays: number;
  };
  webhooks: {
    /** Real milliseconds between attempts; attempts = 1 + retry count. */
    retryScheduleMs: number[];
    timeoutMs: number;
    concurrency: number;
  };
}

export type SandboxConfigInput = {
  [K in keyof SandboxConfig]?: Partial<SandboxConfig[K]>;
};

export function defaultConfig(): SandboxConfig {
  return {
    pricing: { cardPercentBps: 290, cardFixed: 30, disputeFee: 1500, disputeFeeRefundedOnWin: false },
    timing: {
      chargeBalanceTransactionDelayMs: 1000,
      refundSettleDelayMs: 2000,
      asyncPaymentSettleDelayMs: 3000,
      disputeEvidenceSettleDelayMs: 2000,
      availabilityDays: 2,
      disputeResponseDays: 7,
      authorizationExpiryDays: 7,
    },
    payouts: { automatic: true, arrivalDays: 2 },
    webhooks: { retryScheduleMs: [500, 2000, 8000, 30000, 120000], timeoutMs: 5000, concurrency: 32 },
  };
}

export function mergeConfig(base: SandboxConfig, input: SandboxConfigInput | undefined): SandboxConfig {
  if (!input) return base;
  return {
    pricing: { ...base.pricing, ...input.pricing },
    timing: { ...base.timing, ...input.timing },
    payouts: { ...base.payouts, ...input.payouts },
    webhooks: { ...base.webhooks, ...input.webhooks },
  };
}
