import { z } from "zod";
import { mergeConfig, type SandboxConfigInput } from "../core/config";
import type { SandboxRuntime } from "../core/create-sandbox";
import { noFaults } from "../core/faults";
import { seededRandom } from "../core/seeded-random";
import { resourceMissing } from "../http/errors";
import { settleAsyncPayment } from "../resources/charge-payment";
import { retrieveCharge } from "../resources/charges";
import { settleDispute } from "../resources/dispute-actions";
import { openDisputeForCharge, retrieveDispute } from "../resources/disputes";
import { EARLY_FRAUD_WARNING_TYPES, raiseEarlyFraudWarning } from "../resources/early-fraud-warnings";
import { failPayout, retrievePayout, runAutomaticPayouts } from "../resources/payouts";
import {
  duplicateBalanceTransaction,
  omitFromPayoutListing,
  setBalanceTransactionFee,
} from "../resources/reconciliation-faults";
import { failRefund, settleRefund } from "../resources/refund-lifecycle";
import { faultsSchema } from "./faults-schema";

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ControlRoute {
  method: "GET" | "POST";
  pattern: RegExp;
  handler(runtime: SandboxRuntime, body: unknown, path: string[], query: URLSearchParams): unknown;
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ControlError(400, `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return result.data;
}

function clock(runtime: SandboxRuntime) {
  const nowMs = runtime.sb.nowMs();
  return {
    now: Math.floor(nowMs / 1000),
    nowMs,
    iso: new Date(nowMs).toISOString(),
    offsetMs: runtime.sb.state.clockOffsetMs,
  };
}

const control = (method: ControlRoute["method"], path: string, handler: ControlRoute["handler"]): ControlRoute => ({
  method,
  pattern: new RegExp(`^/_sandbox${path.replaceAll(":id", "([A-Za-z0-9_]+)")}$`),
  handler,
});

export const controlRoutes: ControlRoute[] = [
  control("GET", "/health", () => ({ ok: true })),
  control("GET", "/clock", (runtime) => clock(runtime)),
  control("POST", "/clock/advance", (runtime, body) => {
    const { seconds } = parse(
      z.object({
        seconds: z
          .number()
          .int()
          .min(0)
          .max(366 * 86_400),
      }),
      body,
    );
    runtime.advance(seconds);
    return clock(runtime);
  }),
  control("POST", "/payouts/run", (runtime) => ({ payouts: runAutomaticPayouts(runtime.sb) })),
  control("POST", "/payouts/:id/fail", (runtime, body, path) => {
    const { code } = parse(z.object({ code: z.string().optional() }), body);
    return failPayout(runtime.sb, retrievePayout(runtime.sb, path[0]!), code);
  }),
  control("POST", "/payouts/:id/omit_transaction", (runtime, body, path) => {
    const { balance_transaction } = parse(z.object({ balance_transaction: z.string().min(1) }), body);
    return omitFromPayoutListing(runtime.sb, path[0]!, balance_transaction);
  }),
  control("POST", "/balance_transactions/:id/fee", (runtime, body, path) => {
    const { fee } = parse(z.object({ fee: z.number().int().min(0) }), body);
    return setBalanceTransactionFee(runtime.sb, path[0]!, fee);
  }),
  control("POST", "/balance_transactions/:id/duplicate", (runtime, _body, path) =>
    duplicateBalanceTransaction(runtime.sb, path[0]!),
  ),
  control("POST", "/disputes/:id/settle", (runtime, body, path) => {
    const { outcome } = parse(z.object({ outcome: z.enum(["won", "lost"]) }), body);
    return settleDispute(runtime.sb, retrieveDispute(runtime.sb, path[0]!), outcome);
  }),
  control("POST", "/charges/:id/dispute", (runtime, body, path) => {
    const { reason, inquiry } = parse(
      z.object({ reason: z.string().min(1).default("fraudulent"), inquiry: z.boolean().default(false) }),
      body,
    );
    const charge = retrieveCharge(runtime.sb, path[0]!);
    if (charge.status !== "succeeded" || !charge.captured) {
      throw new ControlError(409, `Charge ${charge.id} has not been captured; only captured charges can be disputed.`);
    }
    if (Object.values(runtime.sb.state.disputes).some((dispute) => dispute.charge === charge.id)) {
      throw new ControlError(409, `Charge ${charge.id} already has a dispute.`);
    }
    return openDisputeForCharge(runtime.sb, charge, {
      status: inquiry ? "warning_needs_response" : "needs_response",
      reason,
    });
  }),
  control("POST", "/charges/:id/early_fraud_warning", (runtime, body, path) => {
    const { fraud_type } = parse(
      z.object({ fraud_type: z.enum(EARLY_FRAUD_WARNING_TYPES).default("made_with_stolen_card") }),
      body,
    );
    const charge = retrieveCharge(runtime.sb, path[0]!);
    if (charge.status !== "succeeded" || !charge.captured) {
      throw new ControlError(
        409,
        `Charge ${charge.id} has not been captured; warnings are raised on captured charges.`,
      );
    }
    return raiseEarlyFraudWarning(runtime.sb, charge, fraud_type);
  }),
  control("POST", "/refunds/:id/fail", (runtime, body, path) => {
    const { reason } = parse(z.object({ reason: z.string().optional() }), body);
    return failRefund(runtime.sb, path[0]!, reason);
  }),
  control("POST", "/refunds/:id/settle", (runtime, _body, path) => {
    const refund = runtime.sb.state.refunds[path[0]!];
    if (!refund) throw resourceMissing("refund", path[0]!);
    if (refund.status !== "pending")
      throw new ControlError(409, `Refund ${refund.id} is ${refund.status}, not pending.`);
    return settleRefund(runtime.sb, refund.id);
  }),
  control("POST", "/payment_intents/:id/settle", (runtime, _body, path) => {
    const intent = runtime.sb.state.paymentIntents[path[0]!];
    if (!intent) throw resourceMissing("payment_intent", path[0]!);
    if (intent.status !== "processing") {
      throw new ControlError(409, `PaymentIntent ${intent.id} is ${intent.status}, not processing.`);
    }
    settleAsyncPayment(runtime.sb, intent.latest_charge as string);
    return runtime.sb.state.paymentIntents[intent.id];
  }),
  control("POST", "/refunds/settle", (runtime) => {
    const pending = Object.values(runtime.sb.state.refunds).filter((refund) => refund.status === "pending");
    return { refunds: pending.map((refund) => settleRefund(runtime.sb, refund.id)) };
  }),
  control("GET", "/faults", (runtime) => runtime.sb.faults),
  control("POST", "/faults", (runtime, body) => {
    const input = parse(faultsSchema, body);
    const base = noFaults(input.seed);
    runtime.sb.faults = {
      seed: base.seed,
      webhook: { ...base.webhook, ...input.webhook },
      api: { ...base.api, ...input.api },
    };
    runtime.sb.faultRandom = seededRandom(base.seed);
    return runtime.sb.faults;
  }),
  control("GET", "/config", (runtime) => runtime.sb.config),
  control("POST", "/config", (runtime, body) => {
    if (typeof body !== "object" || body === null) throw new ControlError(400, "body: expected a JSON object");
    runtime.sb.config = mergeConfig(runtime.sb.config, body as SandboxConfigInput);
    return runtime.sb.config;
  }),
  control("GET", "/deliveries", (runtime, _body, _path, query) => {
    const event = query.get("event");
    const endpoint = query.get("endpoint");
    const limit = Math.min(Number(query.get("limit") ?? 1000) || 1000, 20_000);
    const matching = runtime.sb.webhooks
      .deliveries()
      .filter((d) => (!event || d.eventId === event) && (!endpoint || d.endpointId === endpoint));
    return { data: matching.slice(-limit).reverse(), total: matching.length };
  }),
  control("POST", "/events/:id/resend", (runtime, body, path) => {
    const { endpoint } = parse(z.object({ endpoint: z.string().optional() }), body);
    if (!runtime.sb.state.events[path[0]!]) throw resourceMissing("event", path[0]!);
    return { deliveries: runtime.sb.webhooks.resend(path[0]!, endpoint) };
  }),
  control("POST", "/events/resend", (runtime, body) => {
    const { endpoint } = parse(z.object({ endpoint: z.string().optional() }), body);
    let deliveries = 0;
    for (const id of Object.keys(runtime.sb.state.events)) deliveries += runtime.sb.webhooks.resend(id, endpoint);
    return { deliveries };
  }),
  control("POST", "/reset", (runtime) => {
    runtime.reset();
    return { ok: true };
  }),
];
