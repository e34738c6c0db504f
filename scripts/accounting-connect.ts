// Creates an accounting connection from a refresh token (headless set-ups and tests):
//   npm run accounting:connect -- <quickbooks|xero> --client-id … --client-secret … --refresh-token …
//     [--realm-id …|--tenant-id …] [--mode summary|per_transaction] [--start-date YYYY-MM-DD] [--map 4000=200 …]
import { parseArgs } from "node:util";
import { accountingDepsFromEnv } from "../server/accounting/accounting-deps";
import { createConnection } from "../server/accounting/create-connection";
import { db } from "../server/db/client";

const USAGE =
  "Usage: npm run accounting:connect -- <quickbooks|xero> --client-id … --client-secret … --refresh-token … [--realm-id …|--tenant-id …] [--mode summary|per_transaction] [--start-date YYYY-MM-DD] [--map <payops-code>=<target-code>]";

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      "refresh-token": { type: "string" },
      "realm-id": { type: "string" },
      "tenant-id": { type: "string" },
      mode: { type: "string", default: "summary" },
      "start-date": { type: "string" },
      map: { type: "string", multiple: true, default: [] },
    },
  });
  const vendor = positionals[0];
  if (vendor !== "quickbooks" && vendor !== "xero") throw new Error(USAGE);
  const organisationId = vendor === "xero" ? values["tenant-id"] : values["realm-id"];
  if (!values["client-id"] || !values["client-secret"] || !values["refresh-token"] || !organisationId)
    throw new Error(USAGE);
  if (values.mode !== "summary" && values.mode !== "per_transaction")
    throw new Error(`--mode expects summary or per_transaction\n${USAGE}`);
  const startDate = values["start-date"] ? new Date(`${values["start-date"]}T00:00:00Z`) : null;
  if (startDate && Number.isNaN(startDate.getTime()))
    throw new Error(`--start-date expects YYYY-MM-DD, got "${values["start-date"]}"`);
  const map: Record<string, string> = {};
  for (const pair of values.map) {
    const [payops, target] = pair.split("=");
    if (!payops || !target) throw new Error(`--map expects <payops-code>=<target-code>, got "${pair}"`);
    map[payops] = target;
  }
  const prisma = db();
  const connection = await createConnection(accountingDepsFromEnv(prisma), {
    vendor,
    clientId: values["client-id"],
    clientSecret: values["client-secret"],
    refreshToken: values["refresh-token"],
    organisationId,
    mode: values.mode,
    startDate,
    map,
  });
  await prisma.$disconnect();
  console.log(
    JSON.stringify({ connectionId: connection.id, vendor, mode: connection.mode, accountMap: connection.accountMap }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
