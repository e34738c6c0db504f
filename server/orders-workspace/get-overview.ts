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

type DayTotals = {
  day: string;
  currency: string;
  captured: bigint;
  succeeded: number;
  failed: number;
  capturedCount: number;
  refunded: number;
};

/**
 * The back office's first screen. Days are UTC days; volume is captured money, per currency. The
 * figures come from `payment_daily_totals`, which triggers keep equal to the payments themselves.
 */
export async function getOverview(prisma: PrismaClient, now = new Date()): Promise<Overview> {
  const { today, days } = reportingWindow(now);
  const [totals, openDisputes, inReview] = await Promise.all([
    prisma.$queryRaw<DayTotals[]>`
      SELECT to_char("day", 'YYYY-MM-DD') AS day, currency, sum(captured_minor) AS captured,
             sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, sum(captured)::int AS "capturedCount",
             sum(refunded)::int AS refunded
        FROM payment_daily_totals
       WHERE "day" >= ${days[0]}::date
       GROUP BY 1, 2 ORDER BY 1, 2`,
    summariseOpenDisputes(prisma),
    prisma.order.count({ where: { status: "in_review" } }),
  ]);
  const rate = { succeeded: 0, failed: 0, captured: 0, refunded: 0 };
  for (const row of totals) {
    rate.succeeded += row.succeeded;
    rate.failed += row.failed;
    rate.captured += row.capturedCount;
    rate.refunded += row.refunded;
  }
  const daily = totals.filter((row) => row.captured > 0n);
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
