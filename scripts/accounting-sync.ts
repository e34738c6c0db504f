// Posts the journal to the connected accounting systems now:
//   npm run accounting:sync -- [--connection <id>] [--dry-run]
// The last line printed is a JSON summary: journals sent, skipped as already sent, failed.
import { parseArgs } from "node:util";
import { accountingDepsFromEnv } from "../server/accounting/accounting-deps";
import { syncAllConnections } from "../server/accounting/sync-all-connections";
import { db } from "../server/db/client";

try {
  const { values } = parseArgs({
    options: { connection: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  if (values.connection && !/^[0-9a-f-]{36}$/i.test(values.connection))
    throw new Error(`--connection expects a connection id, got "${values.connection}"`);
  const prisma = db();
  const summaries = await syncAllConnections(accountingDepsFromEnv(prisma), {
    connectionId: values.connection,
    dryRun: values["dry-run"],
  });
  const total = {
    connections: summaries.length,
    sent: summaries.reduce((s, c) => s + c.sent, 0),
    skippedAlreadySent: summaries.reduce((s, c) => s + c.skippedAlreadySent, 0),
    failed: summaries.reduce((s, c) => s + c.failed, 0),
    stopped: summaries.filter((c) => c.stopped).map((c) => ({ connectionId: c.connectionId, reason: c.stopped })),
    ...(values["dry-run"] ? { wouldSend: summaries.flatMap((c) => c.wouldSend ?? []) } : {}),
  };
  await prisma.$disconnect();
  console.log(JSON.stringify(total));
  process.exit(total.failed > 0 || total.stopped.length > 0 ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
