import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "./index";
import { type CliTrigger, runCliTrigger } from "./testing/run-cli-trigger";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver";

// Stripe's own `stripe trigger` scenarios (see fidelity/README.md).
const triggersDir = path.resolve(import.meta.dirname, "fidelity/cli-triggers");
const files = readdirSync(triggersDir)
  .filter((file) => file.endsWith(".json"))
  .sort();

describe("Stripe CLI trigger scenarios", () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;
  let stripe: Stripe;

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      config: {
        timing: { chargeBalanceTransactionDelayMs: 100, refundSettleDelayMs: 100, asyncPaymentSettleDelayMs: 100 },
      },
    });
    receiver = await startWebhookReceiver();
    stripe = new Stripe("sk_test_cli_triggers", { host: "127.0.0.1", port: sandbox.port, protocol: "http" });
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["*"] });
    receiver.setSecret(endpoint.secret!);
  });

  afterAll(async () => {
    await sandbox?.stop();
    await receiver?.stop();
  });

  it("has every scenario to run", () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  it.each(files)("%s: the named event arrives signed", async (file) => {
    const trigger = JSON.parse(readFileSync(path.join(triggersDir, file), "utf8")) as CliTrigger;
    const eventType = file.replace(/\.json$/, "");
    const before = receiver.received.length;
    await runCliTrigger(stripe, trigger);
    await receiver.waitFor((events) => events.slice(before).some(({ event }) => event.type === eventType));
    expect(receiver.rejected).toEqual([]);
    const listed = await stripe.events.list({ type: eventType, limit: 1 });
    expect(listed.data[0]?.type).toBe(eventType);
  });
});
