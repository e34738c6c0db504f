import type { PrismaClient } from "../../db/client";
import { type Backlog, readBacklog } from "../read-backlog";
import { type AlertState, evaluateAlerts } from "./evaluate-alerts";
import { type HealthPoint, type HealthWindow, readHealthSeries } from "./read-health-series";
import { type CurrencyPayments, readPaymentsReport } from "./read-payments-report";

export type HealthOverview = {
  window: HealthWindow;
  readAt: string;
  now: Backlog;
  series: HealthPoint[];
  alerts: AlertState[];
  payments: CurrencyPayments[];
};

const WINDOW_MS: Record<HealthWindow, number> = { day: 24 * 3_600_000, month: 30 * 86_400_000 };

/** Everything the Health page shows, read from the database in one go. */
export async function readHealthOverview(prisma: PrismaClient, window: HealthWindow): Promise<HealthOverview> {
  const now = new Date();
  const [backlog, series, alerts, payments] = await Promise.all([
    readBacklog(prisma),
    readHealthSeries(prisma, window, now),
    evaluateAlerts(prisma),
    readPaymentsReport(prisma, new Date(now.getTime() - WINDOW_MS[window])),
  ]);
  return { window, readAt: now.toISOString(), now: backlog, series, alerts, payments };
}
