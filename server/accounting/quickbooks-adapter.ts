import type { AccountingAdapter, OutgoingJournal, SentJournal } from "./accounting-adapter";
import { connectionLimiter, QUICKBOOKS_LIMITS, type RateLimits } from "./connection-limiter";
import { decimalAmount, exactJson } from "./exact-json";
import type { TargetAccount } from "./target-account";
import { type AccessTokens, callVendor } from "./vendor-client";

/** Minor version 75 is the base Intuit serves since 1–74 were retired. */
export const QUICKBOOKS_MINOR_VERSION = 75;

export type QuickBooksAdapterOptions = {
  apiUrl: string;
  realmId: string;
  tokens: AccessTokens;
  limits?: RateLimits;
  timeoutMs?: number;
};

type QboAccount = { Id: string; Name: string; AcctNum?: string; Active: boolean };
type QboEntry = { Id: string };

function describeFault(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { Fault?: { Error?: { Message?: string; Detail?: string; code?: string }[] } };
    const error = body.Fault?.Error?.[0];
    if (error) return `QuickBooks answered ${status}: ${error.Detail ?? error.Message} (code ${error.code})`;
  } catch {}
  return `QuickBooks answered ${status}`;
}

/** QuickBooks Online's JournalEntry API over plain fetch (see README for why not node-quickbooks). */
export function quickBooksAdapter(options: QuickBooksAdapterOptions): AccountingAdapter {
  const base = `${options.apiUrl.replace(/\/$/, "")}/v3/company/${encodeURIComponent(options.realmId)}`;
  const client = {
    limiter: connectionLimiter(`quickbooks:${options.realmId}`, options.limits ?? QUICKBOOKS_LIMITS),
    tokens: options.tokens,
    timeoutMs: options.timeoutMs,
    describeError: describeFault,
  };
  const appUrl = options.apiUrl.includes("sandbox")
    ? "https://app.sandbox.qbo.intuit.com"
    : "https://app.qbo.intuit.com";
  const sent = (entry: QboEntry): SentJournal => ({
    targetId: entry.Id,
    targetUrl: `${appUrl}/app/journal?txnId=${entry.Id}`,
  });
  const query = async <T>(text: string) => {
    const url = `${base}/query?query=${encodeURIComponent(text)}&minorversion=${QUICKBOOKS_MINOR_VERSION}`;
    return ((await callVendor({ method: "GET", url }, client)) as { QueryResponse: T }).QueryResponse;
  };
  return {
    vendor: "quickbooks",
    async fetchChart(): Promise<TargetAccount[]> {
      const { Account = [] } = await query<{ Account?: QboAccount[] }>("select * from Account maxresults 1000");
      return Account.filter((a) => a.AcctNum).map((a) => ({
        id: a.Id,
        code: a.AcctNum!,
        name: a.Name,
        active: a.Active,
      }));
    },
    async baseCurrency() {
      const { Preferences = [] } = await query<{
        Preferences?: { CurrencyPrefs?: { HomeCurrency?: { value?: string } } }[];
      }>("select * from Preferences");
      return Preferences[0]?.CurrencyPrefs?.HomeCurrency?.value ?? "USD";
    },
    buildPayload(journal: OutgoingJournal) {
      return {
        TxnDate: journal.date,
        DocNumber: journal.reference,
        PrivateNote: journal.narration.slice(0, 4000),
        CurrencyRef: { value: journal.currency },
        Line: journal.lines.map((line) => ({
          Amount: decimalAmount(line.amountMinor, journal.currency),
          DetailType: "JournalEntryLineDetail",
          Description: line.description.slice(0, 4000),
          JournalEntryLineDetail: {
            PostingType: line.direction === "debit" ? "Debit" : "Credit",
            AccountRef: { value: line.account.id },
          },
        })),
      };
    },
    async findJournal(journal) {
      const { JournalEntry = [] } = await query<{ JournalEntry?: QboEntry[] }>(
        `select * from JournalEntry where DocNumber = '${journal.reference}'`,
      );
      return JournalEntry[0] ? sent(JournalEntry[0]) : null;
    },
    async postJournal(journal) {
      const url = `${base}/journalentry?minorversion=${QUICKBOOKS_MINOR_VERSION}&requestid=${encodeURIComponent(journal.idempotencyKey)}`;
      const answer = (await callVendor(
        {
          method: "POST",
          url,
          headers: { "content-type": "application/json" },
          body: exactJson(this.buildPayload(journal)),
        },
        client,
      )) as { JournalEntry: QboEntry };
      return sent(answer.JournalEntry);
    },
  };
}
