// Test support: a month of shop activity in the Stripe sandbox, day by day, through Stripe's API and
// the sandbox's control API: payments, partial refunds, disputes, automatic payouts.
import Stripe from "stripe";
import { controlHeaders, type RunningSandbox } from "../../stripe-sandbox/index";

export type SandboxClient = {
  stripe: Stripe;
  control<T = unknown>(route: string, body?: unknown): Promise<T>;
  nowSeconds(): Promise<number>;
};

export function sandboxClient(sandbox: RunningSandbox): SandboxClient {
  const stripe = new Stripe("sk_test_reconciliation", {
    host: "127.0.0.1",
    port: sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  const call = async <T>(method: "GET" | "POST", route: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/_sandbox${route}`, {
      method,
      headers: controlHeaders(sandbox.controlToken),
      body: method === "POST" ? JSON.stringify(body ?? {}) : undefined,
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`control ${route} answered ${response.status}: ${JSON.stringify(json)}`);
    return json as T;
  };
  return {
    stripe,
    control: (route, body) => call("POST", route, body),
    nowSeconds: async () => (await call<{ now: number }>("GET", "/clock")).now,
  };
}

export const DAY = 86_400;

/** Deterministic amounts (no Math.random, so a failure repeats). */
export const amountFor = (day: number, n: number) => 500 + ((day * 7919 + n * 104_729) % 49_500);

export async function pay(client: SandboxClient, amount: number, currency: string, card = "pm_card_visa") {
  return client.stripe.paymentIntents.create({ amount, currency, payment_method: card, confirm: true });
}

/** Every payout of the currency paid with an arrival date in [from, to), oldest first. */
export async function paidPayoutsArriving(client: SandboxClient, currency: string, from: number, to: number) {
  const payouts: Stripe.Payout[] = [];
  for await (const payout of client.stripe.payouts.list({ limit: 100 })) {
    if (
      payout.currency === currency &&
      payout.status === "paid" &&
      payout.arrival_date >= from &&
      payout.arrival_date < to
    )
      payouts.push(payout);
  }
  return payouts.sort((a, b) => a.arrival_date - b.arrival_date);
}
