import type { Tx } from "../db/client";
import { normalizeCurrency } from "../money";

export type LedgerAccountType = "asset" | "liability" | "equity" | "revenue" | "expense";
export type LedgerDirection = "debit" | "credit";

export type ChartAccount = {
  code: string;
  name: string;
  type: LedgerAccountType;
  normalBalance: LedgerDirection;
};

/** Account codes the postings use. The chart itself is data: an admin may add accounts beside these. */
export const ACCOUNT = {
  stripePending: "1010",
  stripeAvailable: "1020",
  payoutsInTransit: "1030",
  bank: "1040",
  salesRevenue: "4000",
  refunds: "4010",
  processingFees: "6010",
  disputeLosses: "6020",
  disputeFees: "6030",
  suspense: "9999",
} as const;

export type AccountCode = (typeof ACCOUNT)[keyof typeof ACCOUNT];

/** The default chart, created per currency the first time that currency is posted. */
export const DEFAULT_CHART: readonly ChartAccount[] = [
  { code: ACCOUNT.stripePending, name: "Stripe balance — pending", type: "asset", normalBalance: "debit" },
  { code: ACCOUNT.stripeAvailable, name: "Stripe balance — available", type: "asset", normalBalance: "debit" },
  { code: ACCOUNT.payoutsInTransit, name: "Payouts in transit", type: "asset", normalBalance: "debit" },
  { code: ACCOUNT.bank, name: "Bank", type: "asset", normalBalance: "debit" },
  { code: ACCOUNT.salesRevenue, name: "Sales revenue", type: "revenue", normalBalance: "credit" },
  // Contra-revenue: a revenue account whose balance sits on the debit side.
  { code: ACCOUNT.refunds, name: "Refunds (contra-revenue)", type: "revenue", normalBalance: "debit" },
  { code: ACCOUNT.processingFees, name: "Stripe processing fees", type: "expense", normalBalance: "debit" },
  { code: ACCOUNT.disputeLosses, name: "Dispute losses", type: "expense", normalBalance: "debit" },
  { code: ACCOUNT.disputeFees, name: "Dispute fees", type: "expense", normalBalance: "debit" },
  { code: ACCOUNT.suspense, name: "Suspense", type: "asset", normalBalance: "debit" },
];

/**
 * Creates the default chart's accounts for a currency; accounts that exist (perhaps renamed by an
 * admin) are left as they are. Safe to run concurrently and repeatedly.
 */
export async function ensureChartOfAccounts(tx: Tx, currency: string): Promise<void> {
  const iso = normalizeCurrency(currency);
  await tx.$executeRaw`
    INSERT INTO "ledger_accounts" ("id", "code", "currency", "name", "type", "normal_balance")
    SELECT gen_random_uuid(), c.code, ${iso}, c.name, c.type::"LedgerAccountType", c.normal_balance::"LedgerDirection"
      FROM unnest(${DEFAULT_CHART.map((a) => a.code)}::text[], ${DEFAULT_CHART.map((a) => a.name)}::text[],
                  ${DEFAULT_CHART.map((a) => a.type)}::text[], ${DEFAULT_CHART.map((a) => a.normalBalance)}::text[])
             AS c(code, name, type, normal_balance)
    ON CONFLICT ("code", "currency") DO NOTHING`;
}

export function defaultChartAccount(code: string): ChartAccount | undefined {
  return DEFAULT_CHART.find((account) => account.code === code);
}
