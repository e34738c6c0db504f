import { createHash } from "node:crypto";
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

export type XeroTestAccount = { AccountID: string; Code: string; Name: string; Status: "ACTIVE" | "ARCHIVED" };

export type XeroTestOptions = {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  baseCurrency?: string;
  accounts: XeroTestAccount[];
  /** Xero's: 60 a minute, 5 at once, 5,000 a day per organisation. Tests may shorten the windows. */
  limits?: Partial<VendorLimits>;
  faults?: VendorFaults;
  /** A fixed port (the end-to-end run's); a free one otherwise. */
  port?: number;
  /** Answers requests outside Xero's API first (a standalone server's control routes); null passes them on. */
  control?: (request: VendorRequest) => VendorAnswer | null;
};

type StoredJournal = {
  ManualJournalID: string;
  Narration: string;
  Date: string;
  Status: string;
  LineAmountTypes: string;
  Url?: string;
  JournalLines: XeroLine[];
};
type XeroLine = { LineAmount: number; AccountCode: string; Description?: string; TaxType?: string };

const API = "/api.xro/2.0";
const JOURNAL_FIELDS = new Set([
  "Narration",
  "JournalLines",
  "Date",
  "LineAmountTypes",
  "Status",
  "Url",
  "ShowOnCashBasisReports",
]);
const LINE_FIELDS = new Set(["LineAmount", "AccountCode", "AccountID", "Description", "TaxType", "Tracking"]);

function invalid(journal: unknown, message: string): VendorAnswer {
  return {
    status: 400,
    body: {
      ErrorNumber: 10,
      Type: "ValidationException",
      Message: "A validation exception occurred",
      Elements: [{ ...(journal as object), ValidationErrors: [{ Message: message }] }],
    },
  };
}

const msDate = (iso: string) => `/Date(${Date.parse(`${iso}T00:00:00Z`)}+0000)/`;

/**
 * A local Xero organisation: identity token endpoint and connections, Organisation, Accounts and
 * ManualJournals (PUT, POST, GET with `where`), checked as Xero's OpenAPI spec and limits page
 * say. Breaches of its limits are kept in `meter.breaches`, malformed requests in `protocolErrors`.
 */
export async function startXeroTestServer(options: XeroTestOptions) {
  const tenantId = options.tenantId ?? randomId();
  const clientId = options.clientId ?? "xero-client";
  const clientSecret = options.clientSecret ?? "xero-secret";
  const baseCurrency = options.baseCurrency ?? "USD";
  const exponent = currencyExponent(baseCurrency);
  const meter = new VendorLimitsMeter({
    perWindow: 60,
    windowMs: 60_000,
    concurrent: 5,
    perDay: 5_000,
    dayMs: 86_400_000,
    ...options.limits,
  });
  const faults: VendorFaults = { retryAfterSeconds: 1, ...options.faults };
  const tokens = new VendorTokens("xero", 1_800_000, options.refreshToken ?? "xero-refresh-1");
  const byIdempotencyKey = new Map<string, VendorAnswer>();
  const journals: StoredJournal[] = [];
  const protocolErrors: string[] = [];

  const codes = new Map<string, { challenge: string; redirectUri: string }>();

  function authorize(request: VendorRequest): VendorAnswer {
    const q = request.url.searchParams;
    const redirectUri = q.get("redirect_uri") ?? "";
    const problem =
      q.get("response_type") !== "code"
        ? "response_type must be code"
        : q.get("client_id") !== clientId
          ? "unknown client_id"
          : !q.get("scope")?.split(" ").includes("offline_access")
            ? "scope needs offline_access for a refresh token"
            : !q.get("state")
              ? "state is required"
              : q.get("code_challenge_method") !== "S256" || !q.get("code_challenge")
                ? "PKCE S256 challenge is required"
                : null;
    if (problem) {
      protocolErrors.push(`authorize: ${problem}`);
      return { status: 400, body: { error: "invalid_request", error_description: problem } };
    }
    const code = randomId();
    codes.set(code, { challenge: q.get("code_challenge")!, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    back.searchParams.set("state", q.get("state")!);
    return { status: 302, headers: { location: back.toString() }, body: "" };
  }

  function issue(): VendorAnswer {
    const { access, refresh } = tokens.issue();
    return {
      status: 200,
      body: { access_token: access, expires_in: 1800, token_type: "Bearer", refresh_token: refresh },
    };
  }

  function token(request: VendorRequest): VendorAnswer {
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials?.id !== clientId || credentials.secret !== clientSecret)
      return { status: 400, body: { error: "invalid_client" } };
    const form = new URLSearchParams(request.body);
    if (form.get("grant_type") === "authorization_code") {
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const challenge = createHash("sha256")
        .update(form.get("code_verifier") ?? "")
        .digest("base64url");
      if (!grant || grant.redirectUri !== form.get("redirect_uri") || grant.challenge !== challenge) {
        return { status: 400, body: { error: "invalid_grant" } };
      }
      return issue();
    }
    if (form.get("grant_type") !== "refresh_token" || !tokens.spendRefresh(form.get("refresh_token")))
      return { status: 400, body: { error: "invalid_grant" } };
    const { access, refresh } = tokens.issue();
    return {
      status: 200,
      body: {
        access_token: access,
        expires_in: 1800,
        token_type: "Bearer",
        refresh_token: refresh,
        scope: "offline_access accounting.transactions accounting.settings.read",
      },
    };
  }

  function checkJournal(journal: Record<string, unknown>): string | null {
    for (const field of Object.keys(journal)) if (!JOURNAL_FIELDS.has(field)) return `Unknown property ${field}`;
    if (typeof journal.Narration !== "string" || !journal.Narration.trim()) return "Narration is required";
    if (typeof journal.Date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(journal.Date)) return "Date must be YYYY-MM-DD";
    if (journal.Status !== undefined && !["DRAFT", "POSTED"].includes(journal.Status as string))
      return "Status must be DRAFT or POSTED";
    if (
      journal.LineAmountTypes !== undefined &&
      !["Exclusive", "Inclusive", "NoTax"].includes(journal.LineAmountTypes as string)
    )
      return "LineAmountTypes is invalid";
    const lines = journal.JournalLines;
    if (!Array.isArray(lines) || lines.length < 2) return "A manual journal must have at least two lines";
    let total = 0n;
    for (const line of lines as XeroLine[]) {
      for (const field of Object.keys(line))
        if (!LINE_FIELDS.has(field)) return `Unknown property JournalLines.${field}`;
      const minor = amountToMinor(line.LineAmount, exponent);
      if (minor === null || minor === 0n)
        return `LineAmount ${String(line.LineAmount)} is not a non-zero amount in ${baseCurrency}`;
      const account = options.accounts.find((a) => a.Code === line.AccountCode);
      if (!account) return `Account code '${line.AccountCode}' is not a valid code for this document.`;
      if (account.Status !== "ACTIVE") return `Account code '${line.AccountCode}' has been archived, or deleted.`;
      total += minor;
    }
    if (total !== 0n) return `The total debits (${total > 0n ? "more" : "less"}) must equal total credits`;
    return null;
  }

  function createJournals(request: VendorRequest): VendorAnswer {
    const key = request.headers["idempotency-key"];
    if (typeof key !== "string" || key.length === 0 || key.length > 128) {
      protocolErrors.push(`Idempotency-Key missing or longer than 128: ${String(key)}`);
    } else {
      const replay = byIdempotencyKey.get(key);
      if (replay && !faults.forgetIdempotencyKeys) return replay;
    }
    if (request.headers["content-type"] !== "application/json")
      protocolErrors.push("ManualJournals body is not application/json");
    if (faults.serverErrorRate && Math.random() < faults.serverErrorRate)
      return { status: 500, body: { Type: "Exception", Message: "An error occurred in Xero" } };
    let body: { ManualJournals?: Record<string, unknown>[] };
    try {
      body = JSON.parse(request.body) as typeof body;
    } catch {
      return {
        status: 400,
        body: { ErrorNumber: 14, Type: "PostDataInvalidException", Message: "JSON for post data was invalid" },
      };
    }
    if (!Array.isArray(body.ManualJournals) || body.ManualJournals.length !== 1) {
      protocolErrors.push("expected one journal per request");
      return {
        status: 400,
        body: { ErrorNumber: 14, Type: "PostDataInvalidException", Message: "ManualJournals must hold the journals" },
      };
    }
    const journal = body.ManualJournals[0]!;
    if (faults.rejectJournals && faults.rejectJournals > 0) {
      faults.rejectJournals -= 1;
      return invalid(journal, `The period containing ${String(journal.Date)} is locked for editing`);
    }
    const problem = checkJournal(journal);
    if (problem) return invalid(journal, problem);
    const stored: StoredJournal = {
      ManualJournalID: randomId(),
      Narration: journal.Narration as string,
      Date: journal.Date as string,
      Status: (journal.Status as string) ?? "DRAFT",
      LineAmountTypes: (journal.LineAmountTypes as string) ?? "NoTax",
      Url: journal.Url as string | undefined,
      JournalLines: journal.JournalLines as XeroLine[],
    };
    journals.push(stored);
    const answer: VendorAnswer = {
      status: 200,
      body: {
        Id: randomId(),
        Status: "OK",
        ProviderName: "PayOps",
        DateTimeUTC: `/Date(${Date.now()})/`,
        ManualJournals: [present(stored)],
      },
    };
    if (typeof key === "string") byIdempotencyKey.set(key, answer);
    faults.onStored?.();
    if (faults.hangAfterStoreRate && Math.random() < faults.hangAfterStoreRate) return "hang";
    return answer;
  }

  const present = (j: StoredJournal) => ({
    ...j,
    Date: msDate(j.Date),
    UpdatedDateUTC: `/Date(${Date.now()}+0000)/`,
    HasAttachments: false,
  });

  function listJournals(request: VendorRequest): VendorAnswer {
    const where = request.url.searchParams.get("where");
    if (where === null) return { status: 200, body: { ManualJournals: journals.map(present) } };
    const contains = /^Narration\.Contains\("([^"\\]*)"\)$/.exec(where);
    if (!contains) {
      protocolErrors.push(`unsupported where: ${where}`);
      return { status: 400, body: { ErrorNumber: 16, Type: "QueryParseException", Message: `cannot parse ${where}` } };
    }
    return {
      status: 200,
      body: { ManualJournals: journals.filter((j) => j.Narration.includes(contains[1]!)).map(present) },
    };
  }

  async function api(request: VendorRequest): Promise<VendorAnswer> {
    const bearer = request.headers.authorization?.replace(/^Bearer /, "");
    if (!tokens.accepts(bearer)) {
      return {
        status: 401,
        headers: { "www-authenticate": 'Bearer error="invalid_token"' },
        body: { Type: null, Title: "Unauthorized", Status: 401, Detail: "TokenExpired: token expired" },
      };
    }
    if (request.headers["xero-tenant-id"] !== tenantId) {
      protocolErrors.push(`xero-tenant-id is ${String(request.headers["xero-tenant-id"])}`);
      return {
        status: 403,
        body: { Type: null, Title: "Forbidden", Status: 403, Detail: "AuthenticationUnsuccessful" },
      };
    }
    if (request.headers.accept !== "application/json") protocolErrors.push("Accept is not application/json");
    const path = request.url.pathname.slice(API.length);
    if (path === "/Organisation" && request.method === "GET") {
      return {
        status: 200,
        body: {
          Organisations: [
            {
              OrganisationID: tenantId,
              Name: "Test organisation",
              BaseCurrency: baseCurrency,
              OrganisationStatus: "ACTIVE",
            },
          ],
        },
      };
    }
    if (path === "/Accounts" && request.method === "GET") return { status: 200, body: { Accounts: options.accounts } };
    if (path === "/ManualJournals" && request.method === "GET") return listJournals(request);
    if (path === "/ManualJournals" && (request.method === "PUT" || request.method === "POST"))
      return createJournals(request);
    return { status: 404, body: { Type: null, Title: "Not found", Status: 404 } };
  }

  const server = await startVendorServer(async (request) => {
    const controlled = options.control?.(request);
    if (controlled) return controlled;
    if (request.url.pathname === "/connect/token" && request.method === "POST") return token(request);
    if (request.url.pathname === "/identity/connect/authorize" && request.method === "GET") return authorize(request);
    if (request.url.pathname === "/connections" && request.method === "GET") {
      return {
        status: 200,
        body: [{ id: randomId(), tenantId, tenantType: "ORGANISATION", tenantName: "Test organisation" }],
      };
    }
    if (!request.url.pathname.startsWith(API)) return { status: 404, body: {} };
    const broken = meter.enter();
    try {
      const remaining = meter.remaining();
      const limitHeaders = {
        "x-minlimit-remaining": String(remaining.window),
        "x-daylimit-remaining": String(remaining.day ?? ""),
      };
      if (broken)
        return {
          status: 429,
          headers: { ...limitHeaders, "retry-after": broken === "day" ? "86400" : "1", "x-rate-limit-problem": broken },
          body: {},
        };
      if (faults.tooManyRequests && faults.tooManyRequests > 0) {
        faults.tooManyRequests -= 1;
        return {
          status: 429,
          headers: {
            ...limitHeaders,
            "retry-after": String(faults.retryAfterSeconds ?? 1),
            "x-rate-limit-problem": "minute",
          },
          body: {},
        };
      }
      const answer = await api(request);
      return answer === "hang" ? answer : { ...answer, headers: { ...limitHeaders, ...answer.headers } };
    } finally {
      meter.leave();
    }
  }, options.port);

  return {
    ...server,
    tenantId,
    clientId,
    clientSecret,
    meter,
    faults,
    journals,
    protocolErrors,
    /** A refresh token as a fresh consent would give one (tokens rotate, so each is good once). */
    grantRefreshToken: () => tokens.grantRefresh(),
    /** The organisation disconnects the app: refresh tokens are refused and access tokens expire. */
    revoke: () => tokens.revoke(),
    expireAccessTokens: () => tokens.expireAccessTokens(),
    /** Debits minus credits per account code over posted journals, in minor units. */
    trialBalance(): Record<string, bigint> {
      const net: Record<string, bigint> = {};
      for (const journal of journals.filter((j) => j.Status === "POSTED")) {
        for (const line of journal.JournalLines)
          net[line.AccountCode] = (net[line.AccountCode] ?? 0n) + amountToMinor(line.LineAmount, exponent)!;
      }
      return Object.fromEntries(Object.entries(net).filter(([, v]) => v !== 0n));
    },
  };
}

export type XeroTestServer = Awaited<ReturnType<typeof startXeroTestServer>>;
