// Reconciles one window of PayOps, Stripe and the imported bank statements:
//   npm run reconcile -- --from 2026-11-01 --to 2026-12-01 [--as-of <ISO time>]
// Uses the app's configuration (DATABASE_URL, and STRIPE_SECRET_KEY or STRIPE_API_URL) and the
// RECONCILIATION_* tolerances. The last line printed is the run's JSON summary.
import { parseArgs } from "node:util";
import { db } from "../server/db/client";
import { ConfigurationError } from "../server/env";
import { parseWindowArguments } from "../server/reconciliation/parse-window-arguments";
import { runReconciliation } from "../server/reconciliation/run-reconciliation";
import { stripeListSide } from "../server/reconciliation/stripe-list-side";
import { stripe } from "../server/stripe/client";

try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { from: { type: "string" }, to: { type: "string" }, "as-of": { type: "string" } },
  });
  const window = parseWindowArguments(values);
  const prisma = db();
  const summary = await runReconciliation(
    { prisma, stripeSide: stripeListSide(stripe()) },
    { ...window, trigger: "command" },
  );
  await prisma.$disconnect();
  console.log(JSON.stringify(summary));
  process.exit(0);
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exit(2);
}
