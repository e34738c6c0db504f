// Test support: performs a random operation on the sandbox through Stripe's API and the sandbox's
// control API (the bank's side: time passing, dispute decisions, refund failures).
import Stripe from "stripe";
import { controlHeaders, type RunningSandbox } from "../../stripe-sandbox/index";
import type { Operation } from "./stripe-account-model";

export type SandboxAccount = {
  stripe: Stripe;
  control: (route: string, body?: unknown) => Promise<unknown>;
};

export function sandboxAccount(sandbox: RunningSandbox): SandboxAccount {
  const stripe = new Stripe("sk_test_ledger", {
    host: "127.0.0.1",
    port: sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  const control = async (route: string, body: unknown = {}) => {
    const response = await fetch(`${sandbox.url}/_sandbox${route}`, {
      method: "POST",
      headers: controlHeaders(sandbox.controlToken),
      body: JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`control ${route} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };
  return { stripe, control };
}

const pick = <T>(items: T[], index: number): T | undefined => (items.length ? items[index % items.length] : undefined);

/** Runs one operation in `currency`; an operation with nothing to act on (no open dispute…) does nothing. */
export async function applySandboxOperation(account: SandboxAccount, currency: string, operation: Operation) {
  const { stripe, control } = account;
  const charges = async () => (await stripe.charges.list({ limit: 100 })).data.filter((c) => c.currency === currency);
  const available = async () =>
    (await stripe.balance.retrieve()).available.find((entry) => entry.currency === currency)?.amount ?? 0;
  const disputes = async () => (await stripe.disputes.list({ limit: 100 })).data.filter((d) => d.currency === currency);
  switch (operation.op) {
    case "pay":
    case "dispute": {
      const amount = operation.op === "pay" ? operation.amount : 50 + (operation.pick % 100_000);
      const card =
        operation.op === "dispute"
          ? "pm_card_createDispute"
          : operation.bypassPending
            ? "pm_card_bypassPending"
            : "pm_card_visa";
      await stripe.paymentIntents.create({ amount, currency, payment_method: card, confirm: true });
      return;
    }
    case "makeAvailable":
      await control("/clock/advance", { seconds: 86_400 });
      return;
    case "refund": {
      const charge = pick(
        (await charges()).filter((c) => !c.disputed && c.amount_refunded < c.amount),
        operation.pick,
      );
      if (!charge) return;
      await stripe.refunds.create({
        charge: charge.id,
        amount: Math.min(operation.amount, charge.amount - charge.amount_refunded),
      });
      return;
    }
    case "failRefund": {
      const refunds = (await stripe.refunds.list({ limit: 100 })).data;
      const refund = pick(
        refunds.filter((r) => r.currency === currency && ["pending", "succeeded"].includes(r.status ?? "")),
        operation.pick,
      );
      if (refund) await control(`/refunds/${refund.id}/fail`);
      return;
    }
    case "winDispute":
    case "loseDispute": {
      const dispute = pick(
        (await disputes()).filter((d) => d.status === "needs_response"),
        operation.pick,
      );
      if (!dispute) return;
      if (operation.op === "winDispute")
        await control("/config", { pricing: { disputeFeeRefundedOnWin: operation.feeReturned } });
      await control(`/disputes/${dispute.id}/settle`, { outcome: operation.op === "winDispute" ? "won" : "lost" });
      return;
    }
    case "payout": {
      const amount = Math.min(operation.amount, await available());
      if (amount > 0) await stripe.payouts.create({ amount, currency });
      return;
    }
    case "payoutPaid":
      // Payouts are paid on their arrival date, so the bank's side is time passing.
      await control("/clock/advance", { seconds: 3 * 86_400 });
      return;
    case "payoutFailed": {
      // Only a pending manual payout can be canceled, and the sandbox sends payouts in transit on
      // its next tick (every 100 ms), so the payout to cancel is made here; a lost race just pays out.
      for (let attempt = 0; attempt < 3; attempt++) {
        const amount = Math.min(1 + (operation.pick % 50_000), await available());
        if (amount <= 0) return;
        const payout = await stripe.payouts.create({ amount, currency });
        const canceled = await stripe.payouts.cancel(payout.id).then(
          () => true,
          () => false,
        );
        if (canceled) return;
      }
      return;
    }
  }
}
