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
      recent_results: bigint;
      recent_declined: bigint;
      baseline_results: bigint;
      baseline_declined: bigint;
    }[]
  >`
    SELECT
      (SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at))
         FROM stripe_events WHERE processed_at >= now() - interval '10 minutes' AND outcome <> 'ignored') AS lag_p99,
      (SELECT count(*) FROM job_runs WHERE status = 'exhausted' AND started_at >= now() - interval '15 minutes') AS exhausted,
      (SELECT count(*) FROM refunds WHERE updated_at >= now() - interval '30 minutes' AND status IN ('succeeded', 'pending', 'failed', 'canceled')) AS refunds,
      (SELECT count(*) FROM refunds WHERE updated_at >= now() - interval '30 minutes' AND status IN ('failed', 'canceled')) AS refunds_failed,
      (SELECT count(*) FROM payments WHERE created_at >= now() - interval '30 minutes' AND (authorised_at IS NOT NULL OR decline_code IS NOT NULL)) AS recent_results,
      (SELECT count(*) FROM payments WHERE created_at >= now() - interval '30 minutes' AND authorised_at IS NULL AND decline_code IS NOT NULL) AS recent_declined,
      (SELECT count(*) FROM payments WHERE created_at >= now() - interval '1 day 30 minutes' AND created_at < now() - interval '30 minutes' AND (authorised_at IS NOT NULL OR decline_code IS NOT NULL)) AS baseline_results,
      (SELECT count(*) FROM payments WHERE created_at >= now() - interval '1 day 30 minutes' AND created_at < now() - interval '30 minutes' AND authorised_at IS NULL AND decline_code IS NOT NULL) AS baseline_declined`;
  const deadLetters = backlog.deadLetters.stripeEvents + backlog.deadLetters.outboxEffects;
  const refunds = Number(row?.refunds ?? 0);
  const refundFailureRate = refunds === 0 ? 0 : Number(row?.refunds_failed ?? 0) / refunds;
  const recent = Number(row?.recent_results ?? 0);
  const recentDeclineRate = recent === 0 ? 0 : Number(row?.recent_declined ?? 0) / recent;
  const baseline = Number(row?.baseline_results ?? 0);
  const baselineDeclineRate = baseline === 0 ? 0 : Number(row?.baseline_declined ?? 0) / baseline;
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
      recentDeclineRate > 2 * baselineDeclineRate && recentDeclineRate > 0.1 && recent >= 20,
      recentDeclineRate,
    ),
    judged("PayopsDisputeDeadlineNear", deadline !== null && deadline < 48 * 3_600, deadline ?? 0),
    { alert: "PayopsStripeApiErrorRate", state: "unknown", value: null },
  ];
}
