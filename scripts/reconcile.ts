// Reconciles one window of PayOps, Stripe and the imported bank statements:
//   npm run reconcile -- --from 2026-11-01 --to 2026-12-01 [--as-of <ISO time>] [--source list|report]
// Uses the app's configuration (DATABASE_URL, and STRIPE_SECRET_KEY or STRIPE_API_URL) and the
// RECONCILIATION_* tolerances. The last line printed is the run's JSON summary.
import { parseArgs } from "node:util";
import { db } from "../server/db/client";
import { ConfigurationError } from "../server/env";
import { appStripeSide } from "../server/reconciliation/app-stripe-side";
import { parseWindowArguments } from "../server/reconciliation/parse-window-arguments";
import { runReconciliation } from "../server/reconciliation/run-reconciliation";

try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      from: { type: "string" },
      to: { type: "string" },
      "as-of": { type: "string" },
      source: { type: "string", default: "list" },
    },
  });
  const window = parseWindowArguments(values);
  if (values.source !== "list" && values.source !== "report") {
    throw new Error(`--source is list (balance transactions API) or report (Reporting API), not "${values.source}"`);
  }
  const prisma = db();
  const summary = await runReconciliation(
    { prisma, stripeSide: appStripeSide(values.source) },
    { ...window, trigger: "command" },
  );
  await prisma.$disconnect();
  console.log(JSON.stringify(summary));
  process.exit(0);
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exit(2);
}
