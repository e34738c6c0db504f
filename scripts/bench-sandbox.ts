// Benchmarks the Stripe sandbox: PaymentIntent create+confirm per second through the official SDK,
// then signed webhook deliveries per second to a local receiver that verifies every signature.
//   npx tsx scripts/bench-sandbox.ts [payments=2000] [api concurrency=16] [webhook concurrency=sandbox default]
import { spawn } from "node:child_process";
import os from "node:os";
import Stripe from "stripe";
import { controlHeaders, startSandbox } from "../server/stripe-sandbox/index";

// A trivial receiver: answers 200 at once. Every 20th delivery is also checked with the SDK's
// constructEvent against the endpoint's secret, so the figure is for correctly signed events.
const RECEIVER = `
const http = require("node:http");
const Stripe = require("stripe");
const verifier = new Stripe("sk_test_bench");
let secret = "", received = 0, verified = 0, rejected = 0;
process.on("message", (m) => { if (m.secret) secret = m.secret; if (m.report) process.send({ received, verified, rejected }); });
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    received++;
    if (received % 20 === 0) {
      try { verifier.webhooks.constructEvent(Buffer.concat(chunks).toString("utf8"), req.headers["stripe-signature"], secret); verified++; }
      catch { rejected++; }
    }
    res.writeHead(200).end();
  });
});
server.keepAliveTimeout = 30000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
`;

interface ReceiverReport {
  received: number;
  verified: number;
  rejected: number;
}

/** The receiver runs in its own process, as the app would, so it does not share the sandbox's event loop. */
async function startReceiver() {
  const child = spawn(process.execPath, ["-e", RECEIVER], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve) => child.once("message", (m: { port: number }) => resolve(m.port)));
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    setSecret: (secret: string) => child.send({ secret }),
    report: () =>
      new Promise<ReceiverReport>((resolve) => {
        child.once("message", (m: ReceiverReport) => resolve(m));
        child.send({ report: true });
      }),
    stop: () => child.kill(),
  };
}

async function inParallel(total: number, concurrency: number, task: (index: number) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function main() {
  const payments = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 16);
  const webhooks = process.argv[4] ? { concurrency: Number(process.argv[4]) } : {};
  const sandbox = await startSandbox({ port: 0, config: { payouts: { automatic: false }, webhooks } });
  const receiver = await startReceiver();
  const stripe = new Stripe("sk_test_bench", { host: "127.0.0.1", port: sandbox.port, protocol: "http" });
  try {
    const startPayments = performance.now();
    await inParallel(payments, concurrency, (i) =>
      stripe.paymentIntents.create({
        amount: 1000 + (i % 500),
        currency: "usd",
        payment_method: "pm_card_visa",
        confirm: true,
        capture_method: "automatic",
      }),
    );
    const paymentSeconds = (performance.now() - startPayments) / 1000;
    console.log(
      `PaymentIntent create+confirm: ${payments} in ${paymentSeconds.toFixed(2)} s = ${Math.round(payments / paymentSeconds)}/s (concurrency ${concurrency})`,
    );

    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["*"] });
    receiver.setSecret(endpoint.secret!);
    // Warm-up: the first few hundred deliveries run before the JIT has compiled the delivery path.
    const warmUp = Object.keys(sandbox.runtime.sb.state.events).slice(0, 500);
    for (const id of warmUp) sandbox.runtime.sb.webhooks.resend(id);
    await sandbox.runtime.sb.webhooks.idle();
    const warmed = (await receiver.report()).received;
    const startDeliveries = performance.now();
    const cpuBefore = process.cpuUsage();
    const { deliveries } = (await (
      await fetch(`${sandbox.url}/_sandbox/events/resend`, {
        method: "POST",
        headers: controlHeaders(sandbox.controlToken),
        body: "{}",
      })
    ).json()) as { deliveries: number };
    await sandbox.runtime.sb.webhooks.idle();
    const deliverySeconds = (performance.now() - startDeliveries) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMicrosPerDelivery = (cpu.user + cpu.system) / Math.max(1, deliveries);
    const report = await receiver.report();
    const received = report.received - warmed;
    const { verified, rejected } = report;
    console.log(
      `Signed webhook deliveries: ${received} of ${deliveries} in ${deliverySeconds.toFixed(2)} s = ${Math.round(received / deliverySeconds)}/s (concurrency ${sandbox.runtime.sb.config.webhooks.concurrency}; ${verified} sampled signatures verified, ${rejected} rejected)`,
    );
    // On a shared machine the wall-clock rate depends on what else runs; CPU per delivery does not.
    console.log(
      `Sandbox CPU per signed delivery: ${Math.round(cpuMicrosPerDelivery)} µs (≈ ${Math.round(1e6 / cpuMicrosPerDelivery)}/s per free core); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`,
    );
    if (received !== deliveries || rejected > 0) process.exitCode = 1;
  } finally {
    await sandbox.stop();
    receiver.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
