import { currencyExponent } from "../../money";
import { type VendorLimits, VendorLimitsMeter } from "./vendor-limits-meter";
import {
  amountToMinor,
  basicCredentials,
  randomId,
  startVendorServer,
  type VendorAnswer,
  type VendorFaults,
  type VendorRequest,
} from "./vendor-test-http";
import { VendorTokens } from "./vendor-tokens";

export type QuickBooksTestAccount = { Id: string; Name: string; AcctNum: string; Active: boolean };

export type QuickBooksTestOptions = {
  realmId?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  homeCurrency?: string;
  accounts: QuickBooksTestAccount[];
  /** Intuit's: 500 a minute and 10 at once per company. Tests may shorten the window. */
  limits?: Partial<VendorLimits>;
  faults?: VendorFaults;
};

type StoredEntry = { Id: string; DocNumber?: string; TxnDate: string; Line: QboLine[]; PrivateNote?: string };
type QboLine = {
  Amount: number;
  DetailType: string;
  Description?: string;
  JournalEntryLineDetail: { PostingType: string; AccountRef: { value: string } };
};

const MIN_MINOR_VERSION = 75;
const ENTRY_FIELDS = new Set(["TxnDate", "DocNumber", "PrivateNote", "Line", "CurrencyRef", "Adjustment"]);
const LINE_FIELDS = new Set(["Amount", "DetailType", "Description", "JournalEntryLineDetail"]);

function fault(status: number, code: string, message: string, detail: string, type = "ValidationFault"): VendorAnswer {
  return {
    status,
    body: {
      Fault: { Error: [{ Message: message, Detail: detail, code, element: "" }], type },
      time: new Date().toISOString(),
    },
  };
}
const validation = (code: string, detail: string) =>
  fault(400, code, "A business validation error has occurred while processing your request", detail);

/**
 * A local QuickBooks Online company: OAuth token endpoint, JournalEntry create and query, Account
 * and Preferences query, checked as Intuit documents them; counts its limits and keeps every
 * breach in `meter.breaches` and every malformed request in `protocolErrors`.
 */
export async function startQuickBooksTestServer(options: QuickBooksTestOptions) {
  const realmId = options.realmId ?? "9130350000000001";
  const clientId = options.clientId ?? "qbo-client";
  const clientSecret = options.clientSecret ?? "qbo-secret";
  const homeCurrency = options.homeCurrency ?? "USD";
  const exponent = currencyExponent(homeCurrency);
  const meter = new VendorLimitsMeter({ perWindow: 500, windowMs: 60_000, concurrent: 10, ...options.limits });
  const faults: VendorFaults = { retryAfterSeconds: 1, ...options.faults };
  const tokens = new VendorTokens("qbo", 3_600_000, options.refreshToken ?? "qbo-refresh-1");
  const byRequestId = new Map<string, VendorAnswer>();
  const entries: StoredEntry[] = [];
  const protocolErrors: string[] = [];
  let nextId = 100;

  /** Authorisation codes handed out, with the redirect URI each was issued for. */
  const codes = new Map<string, string>();

  function authorize(request: VendorRequest): VendorAnswer {
    const q = request.url.searchParams;
    const redirectUri = q.get("redirect_uri") ?? "";
    if (
      q.get("response_type") !== "code" ||
      q.get("client_id") !== clientId ||
      !q.get("state") ||
      q.get("scope") !== "com.intuit.quickbooks.accounting"
    ) {
      protocolErrors.push(`authorize: ${q.toString()}`);
      return { status: 400, body: { error: "invalid_request" } };
    }
    const code = randomId();
    codes.set(code, redirectUri);
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    back.searchParams.set("state", q.get("state")!);
    back.searchParams.set("realmId", realmId);
    return { status: 302, headers: { location: back.toString() }, body: "" };
  }

  function token(request: VendorRequest): VendorAnswer {
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials?.id !== clientId || credentials.secret !== clientSecret)
      return { status: 401, body: { error: "invalid_client" } };
    const form = new URLSearchParams(request.body);
    if (request.headers["content-type"] !== "application/x-www-form-urlencoded")
      protocolErrors.push("token request is not form-encoded");
    if (form.get("grant_type") === "authorization_code") {
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      if (grant !== form.get("redirect_uri")) return { status: 400, body: { error: "invalid_grant" } };
    } else if (form.get("grant_type") !== "refresh_token" || !tokens.spendRefresh(form.get("refresh_token"))) {
      return { status: 400, body: { error: "invalid_grant" } };
    }
    const { access, refresh } = tokens.issue();
    return {
      status: 200,
      body: {
        token_type: "bearer",
        access_token: access,
        expires_in: 3600,
        refresh_token: refresh,
        x_refresh_token_expires_in: 8_726_400,
      },
    };
  }

  function checkEntry(body: Record<string, unknown>): VendorAnswer | StoredEntry {
    for (const field of Object.keys(body))
      if (!ENTRY_FIELDS.has(field)) return validation("2010", `Request has invalid or unsupported property: ${field}`);
    if (typeof body.TxnDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(body.TxnDate))
      return validation("2020", "TxnDate must be yyyy-MM-dd");
    if (faults.booksClosedThrough && body.TxnDate <= faults.booksClosedThrough) {
      return validation(
        "6000",
        `The books are closed through ${faults.booksClosedThrough}: a transaction dated ${body.TxnDate} cannot be saved`,
      );
    }
    if (body.DocNumber !== undefined && (typeof body.DocNumber !== "string" || body.DocNumber.length > 21))
      return validation("6000", "DocNumber is longer than 21 characters");
    if (typeof body.PrivateNote === "string" && body.PrivateNote.length > 4000)
      return validation("6000", "PrivateNote is longer than 4000 characters");
    const currency = (body.CurrencyRef as { value?: string } | undefined)?.value;
    if (currency !== undefined && currency !== homeCurrency)
      return validation("6000", `Multicurrency is off: ${currency} is not the home currency ${homeCurrency}`);
    if (!Array.isArray(body.Line) || body.Line.length < 2)
      return validation("2020", "Required param missing: Line (two or more)");
    let balance = 0n;
    for (const line of body.Line as QboLine[]) {
      for (const field of Object.keys(line))
        if (!LINE_FIELDS.has(field))
          return validation("2010", `Request has invalid or unsupported property: Line.${field}`);
      if (line.DetailType !== "JournalEntryLineDetail")
        return validation("2020", "Line.DetailType must be JournalEntryLineDetail");
      const minor = amountToMinor(line.Amount, exponent);
      if (minor === null || minor < 0n)
        return validation("6000", `Line.Amount ${String(line.Amount)} is not a positive amount in ${homeCurrency}`);
      if (typeof line.Description === "string" && line.Description.length > 4000)
        return validation("6000", "Description is longer than 4000 characters");
      const detail = line.JournalEntryLineDetail;
      if (detail?.PostingType !== "Debit" && detail?.PostingType !== "Credit")
        return validation("2020", "PostingType must be Debit or Credit");
      const account = options.accounts.find((a) => a.Id === detail.AccountRef?.value);
      if (!account) return validation("2500", `Invalid Reference Id: Account ${detail.AccountRef?.value}`);
      if (!account.Active) return validation("6000", `Account ${account.Name} is inactive`);
      balance += detail.PostingType === "Debit" ? minor : -minor;
    }
    if (balance !== 0n) return validation("6040", "Business Validation Error: You must balance debits and credits.");
    return {
      Id: "",
      DocNumber: body.DocNumber as string | undefined,
      TxnDate: body.TxnDate,
      Line: body.Line as QboLine[],
      PrivateNote: body.PrivateNote as string | undefined,
    };
  }

  function query(text: string): VendorAnswer {
    const doc = /^select \* from JournalEntry where DocNumber = '([^']*)'$/i.exec(text);
    if (doc) {
      const found = entries.filter((e) => e.DocNumber === doc[1]);
      return {
        status: 200,
        body: {
          QueryResponse: found.length ? { JournalEntry: found, startPosition: 1, maxResults: found.length } : {},
          time: new Date().toISOString(),
        },
      };
    }
    if (/^select \* from Account( maxresults \d+)?$/i.test(text)) {
      return {
        status: 200,
        body: {
          QueryResponse: { Account: options.accounts, startPosition: 1, maxResults: options.accounts.length },
          time: new Date().toISOString(),
        },
      };
    }
    if (/^select \* from Preferences$/i.test(text)) {
      return {
        status: 200,
        body: {
          QueryResponse: {
            Preferences: [{ CurrencyPrefs: { HomeCurrency: { value: homeCurrency }, MultiCurrencyEnabled: false } }],
          },
        },
      };
    }
    protocolErrors.push(`unsupported query: ${text}`);
    return fault(400, "4000", "Error parsing query", `QueryParserError: ${text}`);
  }

  async function api(request: VendorRequest): Promise<VendorAnswer> {
    const path = new RegExp(`^/v3/company/${realmId}/(journalentry|query)$`).exec(request.url.pathname);
    if (!path) return fault(404, "610", "Object Not Found", `no such resource ${request.url.pathname}`);
    const bearer = request.headers.authorization?.replace(/^Bearer /, "");
    if (!tokens.accepts(bearer)) {
      return {
        status: 401,
        headers: { "www-authenticate": 'Bearer realm="Intuit", error="invalid_token"' },
        body: {
          fault: {
            error: [
              {
                message: "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                detail: "Token expired",
                code: "3200",
              },
            ],
            type: "AUTHENTICATION",
          },
          time: new Date().toISOString(),
        },
      };
    }
    const minor = Number(request.url.searchParams.get("minorversion"));
    if (!Number.isInteger(minor) || minor < MIN_MINOR_VERSION) {
      protocolErrors.push(`minorversion missing or below ${MIN_MINOR_VERSION}`);
      return validation("6000", `minorversion ${MIN_MINOR_VERSION} or later is required`);
    }
    if (request.headers.accept !== "application/json") protocolErrors.push("Accept is not application/json");
    if (path[1] === "query") {
      if (request.method !== "GET") return fault(405, "4000", "Method not allowed", request.method);
      return query(request.url.searchParams.get("query") ?? "");
    }
    if (request.method !== "POST") return fault(405, "4000", "Method not allowed", request.method);
    if (request.headers["content-type"] !== "application/json")
      protocolErrors.push("JournalEntry body is not application/json");
    const requestId = request.url.searchParams.get("requestid");
    if (!requestId || requestId.length > 50) {
      protocolErrors.push(`requestid missing or longer than 50: ${requestId}`);
      return validation("6000", "requestid must be at most 50 characters");
    }
    const replay = byRequestId.get(requestId);
    if (replay && !faults.forgetIdempotencyKeys) return replay;
    if (faults.serverErrorRate && Math.random() < faults.serverErrorRate)
      return fault(500, "10000", "An application error has occurred", "Internal error", "SystemFault");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      protocolErrors.push("JournalEntry body is not JSON");
      return validation("2010", "Request body is not valid JSON");
    }
    const checked = checkEntry(body);
    if (checked === "hang" || "status" in checked) return checked;
    nextId += 1;
    const stored = {
      ...checked,
      Id: String(nextId),
      SyncToken: "0",
      MetaData: { CreateTime: new Date().toISOString() },
    };
    entries.push(stored);
    const answer: VendorAnswer = { status: 200, body: { JournalEntry: stored, time: new Date().toISOString() } };
    byRequestId.set(requestId, answer);
    faults.onStored?.();
    if (faults.hangAfterStoreRate && Math.random() < faults.hangAfterStoreRate) return "hang";
    return answer;
  }

  const server = await startVendorServer(async (request) => {
    if (request.url.pathname === "/oauth2/v1/tokens/bearer" && request.method === "POST") return token(request);
    if (request.url.pathname === "/connect/oauth2" && request.method === "GET") return authorize(request);
    if (!request.url.pathname.startsWith("/v3/company/")) return { status: 404, body: {} };
    const broken = meter.enter();
    try {
      if (broken) {
        return {
          status: 429,
          headers: { "retry-after": "1" },
          body: {
            Fault: {
              Error: [{ Message: "ThrottleExceeded", Detail: `${broken} limit exceeded`, code: "003001" }],
              type: "SERVICE",
            },
          },
        };
      }
      if (faults.tooManyRequests && faults.tooManyRequests > 0) {
        faults.tooManyRequests -= 1;
        return {
          status: 429,
          headers: { "retry-after": String(faults.retryAfterSeconds ?? 1) },
          body: {
            Fault: {
              Error: [{ Message: "ThrottleExceeded", Detail: "Too many requests", code: "003001" }],
              type: "SERVICE",
            },
          },
        };
      }
      return await api(request);
    } finally {
      meter.leave();
    }
  });

  return {
    ...server,
    realmId,
    clientId,
    clientSecret,
    meter,
    faults,
    entries,
    protocolErrors,
    /** The company disconnects the app: refresh tokens are refused and access tokens expire. */
    revoke: () => tokens.revoke(),
    /** Makes every access token handed out so far expire now (the next call gets a 401). */
    expireAccessTokens: () => tokens.expireAccessTokens(),
    /** Debits minus credits per AcctNum over every stored entry, in minor units: the company's trial balance. */
    trialBalance(): Record<string, bigint> {
      const net: Record<string, bigint> = {};
      for (const entry of entries) {
        for (const line of entry.Line) {
          const account = options.accounts.find((a) => a.Id === line.JournalEntryLineDetail.AccountRef.value)!;
          const minor = amountToMinor(line.Amount, exponent)!;
          net[account.AcctNum] =
            (net[account.AcctNum] ?? 0n) + (line.JournalEntryLineDetail.PostingType === "Debit" ? minor : -minor);
        }
      }
      return Object.fromEntries(Object.entries(net).filter(([, v]) => v !== 0n));
    },
  };
}

export type QuickBooksTestServer = Awaited<ReturnType<typeof startQuickBooksTestServer>>;
