// Writes a connection's journals for a date range as an import file to standard output:
//   npm run accounting:export -- --connection <id> --from 2026-01-01 --to 2026-01-31 --format quickbooks|xero|double_entry > journals.csv
import { parseArgs } from "node:util";
import { exportConnectionJournals } from "../server/accounting/export-connection-journals";
import { db } from "../server/db/client";

try {
  const { values } = parseArgs({
    options: {
      connection: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      format: { type: "string", default: "double_entry" },
    },
  });
  const format = values.format;
  if (
    !values.connection ||
    !values.from ||
    !values.to ||
    (format !== "quickbooks" && format !== "xero" && format !== "double_entry")
  ) {
    throw new Error(
      "Usage: npm run accounting:export -- --connection <id> --from YYYY-MM-DD --to YYYY-MM-DD --format quickbooks|xero|double_entry",
    );
  }
  const prisma = db();
  const file = await exportConnectionJournals(prisma, {
    connectionId: values.connection,
    from: values.from,
    to: values.to,
    format,
  });
  await prisma.$disconnect();
  process.stdout.write(file.csv);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
