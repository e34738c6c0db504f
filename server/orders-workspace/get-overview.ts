import { reportingWindow } from "../back-office/reporting-window";
import type { PrismaClient } from "../db/client";
import { type OpenDisputesSummary, summariseOpenDisputes } from "./summarise-open-disputes";

export type CurrencyVolume = { currency: string; todayMinor: number; last30DaysMinor: number };
export type DailyVolume = { day: string; currency: string; capturedMinor: number };

export type Overview = {
  volume: CurrencyVolume[];
  dailyVolume: DailyVolume[];
  /** The 30 UTC days every figure covers, oldest first. */
  days: string[];
  /** Succeeded payments over succeeded plus failed ones in 30 days; null when none finished. */
  paymentSuccessRate: number | null;
  /** Captured payments in 30 days that have any refund, over all captured payments. */
  refundRate: number | null;
  openDisputes: OpenDisputesSummary;
  ordersInReview: number;
  generatedAt: Date;
};

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** The back office's first screen. Days are UTC days; volume is captured money, per currency. */
export async function getOverview(prisma: PrismaClient, now = new Date()): Promise<Overview> {
  const { since, today, days } = reportingWindow(now);
  const [daily, rates, openDisputes, inReview] = await Promise.all([
    prisma.$queryRaw<{ day: string; currency: string; captured: bigint }[]>`
      SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, currency, sum(amount_captured_minor) AS captured
      FROM payments
      WHERE created_at >= ${since} AND amount_captured_minor > 0
      GROUP BY 1, 2 ORDER BY 1, 2`,
    prisma.$queryRaw<{ succeeded: number; failed: number; captured: number; refunded: number }[]>`
      SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
             count(*) FILTER (WHERE status = 'canceled'
               OR (status = 'requires_payment_method' AND last_payment_error IS NOT NULL))::int AS failed,
             count(*) FILTER (WHERE amount_captured_minor > 0)::int AS captured,
             count(*) FILTER (WHERE amount_refunded_minor > 0)::int AS refunded
      FROM payments WHERE created_at >= ${since}`,
    summariseOpenDisputes(prisma),
    prisma.order.count({ where: { status: "in_review" } }),
  ]);

  const dailyVolume = daily.map((row) => ({
    day: row.day,
    currency: row.currency.trim(),
    capturedMinor: Number(row.captured),
  }));
  const todayKey = today.toISOString().slice(0, 10);
  const byCurrency = new Map<string, CurrencyVolume>();
  for (const row of dailyVolume) {
    const entry = byCurrency.get(row.currency) ?? { currency: row.currency, todayMinor: 0, last30DaysMinor: 0 };
    entry.last30DaysMinor += row.capturedMinor;
    if (row.day === todayKey) entry.todayMinor += row.capturedMinor;
    byCurrency.set(row.currency, entry);
  }
  const rate = rates[0] ?? { succeeded: 0, failed: 0, captured: 0, refunded: 0 };
  return {
    volume: [...byCurrency.values()].sort((a, b) => b.last30DaysMinor - a.last30DaysMinor),
    dailyVolume,
    days,
    paymentSuccessRate: ratio(rate.succeeded, rate.succeeded + rate.failed),
    refundRate: ratio(rate.refunded, rate.captured),
    openDisputes,
    ordersInReview: inReview,
    generatedAt: now,
  };
}
