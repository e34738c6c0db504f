import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerEnv } from "../env";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { createStripeClient } from "./client";
import { startStripeForApp } from "./start-stripe-for-app";

let sandbox: RunningSandbox;
let dataDir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  dataDir = await mkdtemp(path.join(tmpdir(), "payops-stripe-for-app-"));
});
afterAll(async () => {
  await sandbox?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("startStripeForApp with a sandbox", () => {
  it("registers the app's webhook endpoint once per URL and hands its secret to Next.js", async () => {
    const env = parseServerEnv({ STRIPE_API_URL: sandbox.url, PORT: "3200" });
    const first = await startStripeForApp(env, dataDir);
    const second = await startStripeForApp(env, dataDir);
    expect(second.env.STRIPE_WEBHOOK_SECRET).toMatch(/^whsec_/);
    expect(second.env.STRIPE_WEBHOOK_SECRET).not.toBe(first.env.STRIPE_WEBHOOK_SECRET);
    const endpoints = await createStripeClient({ apiUrl: sandbox.url }).webhookEndpoints.list();
    expect(endpoints.data.map((endpoint) => endpoint.url)).toEqual(["http://localhost:3200/api/stripe/webhook"]);
  });

  it("keeps a configured STRIPE_WEBHOOK_SECRET and registers nothing", async () => {
    const env = parseServerEnv({ STRIPE_API_URL: sandbox.url, STRIPE_WEBHOOK_SECRET: "whsec_known", PORT: "3201" });
    expect((await startStripeForApp(env, dataDir)).env).toEqual({});
  });
});
