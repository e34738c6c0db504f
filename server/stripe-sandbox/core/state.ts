import type Stripe from "stripe";

/** A test card's behaviour, remembered per payment method so later confirms and refunds follow it. */
export type PaymentMethodBehaviour = string;

export type TaskKind =
  | "charge.balance_transaction"
  | "refund.settle"
  | "refund.fail"
  | "payment.settle"
  | "dispute.settle"
  | "report_run.succeed"
  | "authorization.expire";

export interface ScheduledTask {
  id: string;
  /** Sandbox time in milliseconds. */
  dueAtMs: number;
  kind: TaskKind;
  ref: string;
  arg?: string;
}

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: string;
  createdAtMs: number;
}

export interface WebhookJob {
  id: string;
  eventId: string;
  endpointId: string;
  attempt: number;
  /** Which copy this is when the duplicate fault is on (1-based). */
  copy: number;
}

export interface SandboxState {
  version: 1;
  clockOffsetMs: number;
  /** Last sandbox day (UTC, days since epoch) that automatic payouts ran for. */
  lastPayoutDay: number;
  paymentIntents: Record<string, Stripe.PaymentIntent>;
  paymentMethods: Record<string, Stripe.PaymentMethod>;
  charges: Record<string, Stripe.Charge>;
  refunds: Record<string, Stripe.Refund>;
  disputes: Record<string, Stripe.Dispute>;
  earlyFraudWarnings: Record<string, Stripe.Radar.EarlyFraudWarning>;
  /** Radar's manual reviews, opened for elevated-risk charges. */
  reviews: Record<string, Stripe.Review>;
  balanceTransactions: Record<string, Stripe.BalanceTransaction>;
  payouts: Record<string, Stripe.Payout>;
  webhookEndpoints: Record<string, Stripe.WebhookEndpoint>;
  events: Record<string, Stripe.Event>;
  idempotency: Record<string, IdempotencyRecord>;
  tasks: ScheduledTask[];
  webhookJobs: Record<string, WebhookJob>;
  /** Behaviour of each payment method created from a test card or IBAN. */
  paymentMethodBehaviour: Record<string, PaymentMethodBehaviour>;
  /** The payout that carried each balance transaction. */
  balanceTransactionPayout: Record<string, string>;
  /**
   * Balance transactions a payout carried but its `balance_transactions?payout=` listing leaves out
   * (a control call), so the listed nets no longer sum to the payout's amount.
   */
  payoutListingOmissions: Record<string, string>;
  /** Reporting API runs; their files are built from the balance transactions when downloaded. */
  reportRuns: Record<string, ReportRun>;
  /** Uploaded files (Files API): the object only; the bytes are checked on upload, not kept. */
  files: Record<string, Stripe.File>;
}

export interface ReportRun {
  id: string;
  object: "reporting.report_run";
  created: number;
  error: string | null;
  livemode: false;
  parameters: { interval_start: number; interval_end: number; columns?: string[] };
  report_type: string;
  result: null | {
    id: string;
    object: "file";
    created: number;
    expires_at: number;
    filename: string;
    purpose: "finance_report_run";
    size: number;
    title: string;
    type: "csv";
    url: string;
  };
  status: "pending" | "succeeded" | "failed";
  succeeded_at: number | null;
  /** Where the file will be served; not part of Stripe's object. */
  _base_url?: string;
}

export function emptyState(): SandboxState {
  return {
    version: 1,
    clockOffsetMs: 0,
    lastPayoutDay: -1,
    paymentIntents: {},
    paymentMethods: {},
    charges: {},
    refunds: {},
    disputes: {},
    earlyFraudWarnings: {},
    reviews: {},
    balanceTransactions: {},
    payouts: {},
    webhookEndpoints: {},
    events: {},
    idempotency: {},
    tasks: [],
    webhookJobs: {},
    paymentMethodBehaviour: {},
    balanceTransactionPayout: {},
    payoutListingOmissions: {},
    reportRuns: {},
    files: {},
  };
}

/** Collections addressable by id prefix, for retrieve, expand and lookups. */
const PREFIX_COLLECTION: Record<string, keyof SandboxState> = {
  pi: "paymentIntents",
  pm: "paymentMethods",
  ch: "charges",
  py: "charges",
  re: "refunds",
  pyr: "refunds",
  du: "disputes",
  issfr: "earlyFraudWarnings",
  prv: "reviews",
  txn: "balanceTransactions",
  po: "payouts",
  we: "webhookEndpoints",
  evt: "events",
  file: "files",
};

export function findById(state: SandboxState, id: string): { id: string } | undefined {
  const prefix = id.slice(0, id.indexOf("_"));
  const collection = PREFIX_COLLECTION[prefix];
  if (!collection) return undefined;
  return (state[collection] as Record<string, { id: string }>)[id];
}
