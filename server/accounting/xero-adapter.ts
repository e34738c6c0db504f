import type { AccountingAdapter, OutgoingJournal, SentJournal } from "./accounting-adapter";
import { connectionLimiter, type RateLimits, XERO_LIMITS } from "./connection-limiter";
import { decimalAmount, exactJson } from "./exact-json";
import type { TargetAccount } from "./target-account";
import { type AccessTokens, callVendor } from "./vendor-client";

export type XeroAdapterOptions = {
  apiUrl: string;
  tenantId: string;
  tokens: AccessTokens;
  limits?: RateLimits;
  timeoutMs?: number;
};

type XeroAccount = { AccountID: string; Code?: string; Name: string; Status: string };
type XeroJournal = { ManualJournalID: string };

function describeError(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as {
      Message?: string;
      Detail?: string;
      Elements?: { ValidationErrors?: { Message: string }[] }[];
    };
    const messages = body.Elements?.flatMap((e) => e.ValidationErrors?.map((v) => v.Message) ?? []) ?? [];
    if (messages.length) return `Xero answered ${status}: ${messages.join("; ")}`;
    if (body.Detail || body.Message) return `Xero answered ${status}: ${body.Detail ?? body.Message}`;
  } catch {}
  return `Xero answered ${status}`;
}

/** The tag by which PayOps finds its own journal in Xero (narrations are searchable, ids are Xero's). */
const tag = (reference: string) => `[${reference}]`;

/** Xero's ManualJournals API over plain fetch (see README for why not xero-node). */
export function xeroAdapter(options: XeroAdapterOptions): AccountingAdapter {
  const base = options.apiUrl.replace(/\/$/, "");
  const headers = { "xero-tenant-id": options.tenantId };
  const client = {
    limiter: connectionLimiter(`xero:${options.tenantId}`, options.limits ?? XERO_LIMITS),
    tokens: options.tokens,
    timeoutMs: options.timeoutMs,
    describeError,
  };
  const sent = (j: XeroJournal): SentJournal => ({
    targetId: j.ManualJournalID,
    targetUrl: `https://go.xero.com/Journal/View.aspx?invoiceID=${j.ManualJournalID}`,
  });
  const get = (path: string) => callVendor({ method: "GET", url: `${base}${path}`, headers }, client);
  return {
    vendor: "xero",
    async fetchChart(): Promise<TargetAccount[]> {
      const { Accounts = [] } = (await get("/Accounts")) as { Accounts?: XeroAccount[] };
      return Accounts.filter((a) => a.Code).map((a) => ({
        id: a.AccountID,
        code: a.Code!,
        name: a.Name,
        active: a.Status === "ACTIVE",
      }));
    },
    async baseCurrency() {
      const { Organisations = [] } = (await get("/Organisation")) as { Organisations?: { BaseCurrency?: string }[] };
      return Organisations[0]?.BaseCurrency ?? "USD";
    },
    buildPayload(journal: OutgoingJournal) {
      return {
        ManualJournals: [
          {
            Narration: `${journal.narration} ${tag(journal.reference)}`,
            Date: journal.date,
            Status: "POSTED",
            LineAmountTypes: "NoTax",
            JournalLines: journal.lines.map((line) => ({
              LineAmount: decimalAmount(
                line.direction === "debit" ? line.amountMinor : -line.amountMinor,
                journal.currency,
              ),
              AccountCode: line.account.code,
              Description: line.description,
            })),
          },
        ],
      };
    },
    async findJournal(journal) {
      const where = encodeURIComponent(`Narration.Contains("${tag(journal.reference)}")`);
      const { ManualJournals = [] } = (await get(`/ManualJournals?where=${where}`)) as {
        ManualJournals?: XeroJournal[];
      };
      return ManualJournals[0] ? sent(ManualJournals[0]) : null;
    },
    async postJournal(journal) {
      const answer = (await callVendor(
        {
          method: "PUT",
          url: `${base}/ManualJournals`,
          headers: { ...headers, "content-type": "application/json", "idempotency-key": journal.idempotencyKey },
          body: exactJson(this.buildPayload(journal)),
        },
        client,
      )) as { ManualJournals: XeroJournal[] };
      return sent(answer.ManualJournals[0]!);
    },
  };
}
