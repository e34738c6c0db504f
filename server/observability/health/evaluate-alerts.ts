import type { PrismaClient } from "../../db/client";
import { readBacklog } from "../read-backlog";

/** The alert names of ops/prometheus/alerts.yml. */
export type AlertName =
  | "PayopsInboxBacklogStale"
  | "PayopsProcessingLagHigh"
  | "PayopsDeadLetter"
  | "PayopsWebhookSignatureFailures"
  | "PayopsRefundFailureRate"
  | "PayopsCheckoutDeclineRateJump"
  | "PayopsDisputeDeadlineNear"
  | "PayopsStripeApiErrorRate";

export type AlertState = {
  alert: AlertName;
  /** firing or quiet from the database; unknown when only Prometheus sees the signal. */
  state: "firing" | "quiet" | "unknown";
  /** The measured value behind the state (seconds, a count or a fraction), null when unknown. */
  value: number | null;
};

/**
 * The conditions of alerts.yml evaluated on the database now (without their `for:` hold times).
 * Two signals never reach the database, refused webhook signatures and Stripe API errors: those
 * stay "unknown" here and are Prometheus's to judge.
 */
export async function evaluateAlerts(prisma: PrismaClient): Promise<AlertState[]> {
  const backlog = await readBacklog(prisma);
  const [row] = await prisma.$queryRaw<
    {
      lag_p99: number | null;
      exhausted: bigint;
      refunds: bigint;
      refunds_failed: bigint;
    }[]
  >`
    SELECT
      (SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at))
         FROM stripe_events WHERE processed_at >= now() - interval '10 minutes' AND outcome <> 'ignored') AS lag_p99,
      (SELECT count(*) FROM job_runs WHERE status = 'exhausted' AND started_at >= now() - interval '15 minutes') AS exhausted,
      (SELECT count(*) FROM refunds WHERE updated_at >= now() - interval '30 minutes' AND status IN ('succeeded', 'pending', 'failed', 'canceled')) AS refunds,
      (SELECT count(*) FROM refunds WHERE updated_at >= now() - interval '30 minutes' AND status IN ('failed', 'canceled')) AS refunds_failed`;
  // Per currency, as the rule: the last 30 minutes against the day before them.
  const declines = await prisma.$queryRaw<
    { currency: string; recent: bigint; recent_declined: bigint; baseline: bigint; baseline_declined: bigint }[]
  >`
    SELECT currency,
      count(*) FILTER (WHERE created_at >= now() - interval '30 minutes') AS recent,
      count(*) FILTER (WHERE created_at >= now() - interval '30 minutes' AND authorised_at IS NULL) AS recent_declined,
      count(*) FILTER (WHERE created_at < now() - interval '30 minutes') AS baseline,
      count(*) FILTER (WHERE created_at < now() - interval '30 minutes' AND authorised_at IS NULL) AS baseline_declined
    FROM payments
    WHERE created_at >= now() - interval '1 day 30 minutes' AND (authorised_at IS NOT NULL OR decline_code IS NOT NULL)
    GROUP BY currency`;
  const deadLetters = backlog.deadLetters.stripeEvents + backlog.deadLetters.outboxEffects;
  const refunds = Number(row?.refunds ?? 0);
  const refundFailureRate = refunds === 0 ? 0 : Number(row?.refunds_failed ?? 0) / refunds;
  const ratio = (part: bigint, whole: bigint) => (whole === 0n ? 0 : Number(part) / Number(whole));
  const jumps = declines.map((currency) => {
    const recentRate = ratio(currency.recent_declined, currency.recent);
    const firing =
      recentRate > 2 * ratio(currency.baseline_declined, currency.baseline) &&
      recentRate > 0.1 &&
      Number(currency.recent) >= 20;
    return { firing, recentRate };
  });
  const worstDeclineRate = Math.max(0, ...jumps.map((jump) => jump.recentRate));
  const deadline = backlog.disputeEvidenceDeadlineSeconds;
  const lag = row?.lag_p99 ?? 0;
  const judged = (alert: AlertName, firing: boolean, value: number): AlertState => ({
    alert,
    state: firing ? "firing" : "quiet",
    value,
  });
  return [
    judged("PayopsInboxBacklogStale", backlog.inboxOldestAgeSeconds > 300, backlog.inboxOldestAgeSeconds),
    judged("PayopsProcessingLagHigh", lag > 30, lag),
    judged("PayopsDeadLetter", deadLetters > 0 || Number(row?.exhausted ?? 0) > 0, deadLetters),
    { alert: "PayopsWebhookSignatureFailures", state: "unknown", value: null },
    judged("PayopsRefundFailureRate", refundFailureRate > 0.2 && refunds >= 5, refundFailureRate),
    judged(
      "PayopsCheckoutDeclineRateJump",
      jumps.some((jump) => jump.firing),
      worstDeclineRate,
    ),
    judged("PayopsDisputeDeadlineNear", deadline !== null && deadline < 48 * 3_600, deadline ?? 0),
    { alert: "PayopsStripeApiErrorRate", state: "unknown", value: null },
  ];
}
