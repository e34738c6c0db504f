// Re-processes stored Stripe events: npm run webhooks:replay -- --since 2026-11-28T10:00:00Z
//                                   npm run webhooks:replay -- --event evt_123
// Uses the app's configuration (DATABASE_URL, and STRIPE_SECRET_KEY or STRIPE_API_URL).
import { parseArgs } from "node:util";
import { db } from "../server/db/client";
import { ConfigurationError } from "../server/env";
import { stripe } from "../server/stripe/client";
import { type ReplaySelection, replayStripeEvents } from "../server/webhooks/replay-stripe-events";

function selectionFromArgs(args: string[]): ReplaySelection {
  const { values } = parseArgs({ args, options: { since: { type: "string" }, event: { type: "string" } } });
  if (values.event) {
    if (!values.event.startsWith("evt_")) throw new Error(`--event expects an evt_ id, got "${values.event}"`);
    return { stripeEventId: values.event };
  }
  if (values.since) {
    const since = new Date(values.since);
    if (Number.isNaN(since.getTime())) throw new Error(`--since expects an ISO time, got "${values.since}"`);
    return { since };
  }
  throw new Error("Usage: npm run webhooks:replay -- --since <ISO time> | --event evt_...");
}

try {
  const selection = selectionFromArgs(process.argv.slice(2));
  const prisma = db();
  const report = await replayStripeEvents(selection, { prisma, stripe: stripe() });
  console.log(JSON.stringify(report, null, 2));
  await prisma.$disconnect();
  process.exit(report.failed.length > 0 ? 1 : 0);
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exit(2);
}
