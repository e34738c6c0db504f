// A local Xero organisation for the end-to-end run (the same server the accounting tests use):
// tsx --conditions=react-server scripts/xero-test-server.ts --port 12160. Its chart has the PayOps codes except the
// processing fees, which it books as 404 "Bank Fees" (so an admin maps that one by hand), and an
// archived account. Control routes for the specs: POST /_control/faults (JSON VendorFaults, merged),
// GET /_control/journals (what it stored), GET /_control/health.
import { parseArgs } from "node:util";
import { xeroChart } from "../server/accounting/testing/sync-test-setup";
import type { VendorFaults } from "../server/accounting/testing/vendor-test-http";
import { startXeroTestServer, type XeroTestServer } from "../server/accounting/testing/xero-test-server";
import { ACCOUNT } from "../server/ledger";

const { values } = parseArgs({ options: { port: { type: "string", default: "12160" } } });
const port = Number(values.port);

let xero: XeroTestServer | undefined;
xero = await startXeroTestServer({
  port,
  tenantId: "7d3c2b6e-4f1a-4e8b-9c55-0a1b2c3d4e5f",
  clientId: process.env.XERO_CLIENT_ID || "xero-client",
  clientSecret: process.env.XERO_CLIENT_SECRET || "xero-secret",
  accounts: [
    ...xeroChart([ACCOUNT.processingFees]),
    { AccountID: crypto.randomUUID(), Code: "404", Name: "Bank Fees", Status: "ACTIVE" },
    { AccountID: crypto.randomUUID(), Code: "405", Name: "Old merchant fees", Status: "ARCHIVED" },
  ],
  control: (request) => {
    if (!request.url.pathname.startsWith("/_control/")) return null;
    if (request.url.pathname === "/_control/health") return { status: 200, body: { ok: true } };
    if (!xero) return { status: 503, body: { error: "starting" } };
    if (request.url.pathname === "/_control/journals" && request.method === "GET")
      return { status: 200, body: { journals: xero.journals } };
    if (request.url.pathname === "/_control/faults" && request.method === "POST") {
      try {
        Object.assign(xero.faults, JSON.parse(request.body) as VendorFaults);
        return { status: 200, body: { faults: xero.faults } };
      } catch {
        return { status: 400, body: { error: "expected JSON faults" } };
      }
    }
    return { status: 404, body: {} };
  },
});
console.log(`Local Xero organisation on ${xero.url} (tenant ${xero.tenantId})`);

const stop = () => void xero?.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.on("SIGHUP", stop);
