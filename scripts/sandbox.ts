// The Stripe sandbox from the command line.
//   npm run sandbox                      start it on 127.0.0.1:12111 with state in .data/stripe-sandbox/
//   npm run sandbox -- <command> [args]  talk to a running sandbox's control API (see `help`)
import { readFileSync } from "node:fs";
import path from "node:path";
import { CONTROL_TOKEN_FILE, controlHeaders, startSandbox } from "../server/stripe-sandbox/index";

const HELP = `Usage: npm run sandbox [-- <command> [args]]

With no command, starts the sandbox (STRIPE_SANDBOX_PORT, default 12111; APP_URL is allowed to
confirm payments from the browser). Commands talk to STRIPE_API_URL (default
http://127.0.0.1:$STRIPE_SANDBOX_PORT, i.e. port 12111):

  clock                         show the sandbox clock
  advance <duration>            move the clock forward: 90, 90s, 15m, 6h, 3d
  payouts-run                   pay out the available balance now
  payout-fail <po_…> [code]     the bank returns a payout (account_closed, no_account, …)
  dispute-settle <du_…> won|lost
  refund-fail <re_…> [reason]   fail a pending (or succeeded) refund
  refunds-settle                move every pending refund to succeeded
  faults                        show fault settings
  faults-set '<json>'           replace fault settings, e.g. '{"webhook":{"duplicate":3}}'
  faults-off                    turn every fault off
  deliveries [limit]            recent webhook delivery attempts
  resend <evt_…>                deliver an event again
  config                        show timing, pricing and retry settings
  reset                         wipe all sandbox state
`;

function parseDuration(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text);
  if (!match) throw new Error(`cannot read duration "${text}"; try 90, 15m, 6h or 3d`);
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as "" | "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}

/** This run's control token: STRIPE_SANDBOX_CONTROL_TOKEN, else the file the sandbox wrote in its data dir. */
function controlToken(): string {
  if (process.env.STRIPE_SANDBOX_CONTROL_TOKEN) return process.env.STRIPE_SANDBOX_CONTROL_TOKEN;
  const file = path.resolve(process.env.PAYOPS_DATA_DIR || ".data", "stripe-sandbox", CONTROL_TOKEN_FILE);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(`no control token at ${file}; set STRIPE_SANDBOX_CONTROL_TOKEN or PAYOPS_DATA_DIR`);
  }
}

async function call(method: "GET" | "POST", route: string, body?: unknown): Promise<void> {
  const base = process.env.STRIPE_API_URL ?? `http://127.0.0.1:${process.env.STRIPE_SANDBOX_PORT ?? 12111}`;
  const response = await fetch(`${base}/_sandbox${route}`, {
    method,
    headers: controlHeaders(controlToken()),
    body: method === "POST" ? JSON.stringify(body ?? {}) : undefined,
  }).catch((error: Error) => {
    throw new Error(`cannot reach the sandbox at ${base} (${error.message}); is \`npm run sandbox\` running?`);
  });
  const text = await response.text();
  console.log(text);
  if (!response.ok) process.exitCode = 1;
}

async function serve(): Promise<void> {
  const port = Number(process.env.STRIPE_SANDBOX_PORT ?? 12111);
  const origins = [process.env.APP_URL ?? "http://localhost:3000"];
  const sandbox = await startSandbox({
    port,
    dataDir: path.resolve(process.env.PAYOPS_DATA_DIR || ".data", "stripe-sandbox"),
    allowedOrigins: origins,
  });
  console.log(
    `Stripe sandbox on ${sandbox.url} (state in .data/stripe-sandbox, browser confirm for ${origins.join(", ")})`,
  );
  const shutdown = () => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case undefined:
    case "start":
      return serve();
    case "help":
    case "--help":
      console.log(HELP);
      return;
    case "clock":
      return call("GET", "/clock");
    case "advance":
      return call("POST", "/clock/advance", { seconds: parseDuration(args[0] ?? "") });
    case "payouts-run":
      return call("POST", "/payouts/run");
    case "payout-fail":
      return call("POST", `/payouts/${args[0]}/fail`, args[1] ? { code: args[1] } : {});
    case "dispute-settle":
      return call("POST", `/disputes/${args[0]}/settle`, { outcome: args[1] });
    case "refund-fail":
      return call("POST", `/refunds/${args[0]}/fail`, args[1] ? { reason: args[1] } : {});
    case "refunds-settle":
      return call("POST", "/refunds/settle");
    case "faults":
      return call("GET", "/faults");
    case "faults-set":
      return call("POST", "/faults", JSON.parse(args[0] ?? "{}"));
    case "faults-off":
      return call("POST", "/faults", {});
    case "deliveries":
      return call("GET", `/deliveries?limit=${Number(args[0] ?? 50)}`);
    case "resend":
      return call("POST", `/events/${args[0]}/resend`);
    case "config":
      return call("GET", "/config");
    case "reset":
      return call("POST", "/reset");
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
