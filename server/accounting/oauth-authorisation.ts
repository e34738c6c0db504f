import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";
import type { AccountingDeps } from "./accounting-deps";
import { createConnection } from "./create-connection";
import type { JournalMode } from "./journal-draft";

type Vendor = "quickbooks" | "xero";

const SCOPES: Record<Vendor, string> = {
  quickbooks: "com.intuit.quickbooks.accounting",
  xero: "offline_access accounting.transactions accounting.settings.read",
};

export type AuthorisationStart = { url: string; state: string; codeVerifier: string | null };

/**
 * The first leg of the OAuth 2.0 authorisation-code flow: where to send the admin, with a random
 * `state` (checked on return, against forged callbacks) and, for Xero, a PKCE S256 challenge. The
 * door keeps `state` and `codeVerifier` (an httpOnly cookie) until the callback.
 */
export function startAuthorisation(input: {
  vendor: Vendor;
  authUrl: string;
  clientId: string;
  redirectUri: string;
}): AuthorisationStart {
  const state = randomBytes(24).toString("base64url");
  const codeVerifier = input.vendor === "xero" ? randomBytes(48).toString("base64url") : null;
  const url = new URL(input.authUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", input.clientId);
  url.searchParams.set("redirect_uri", input.redirectUri);
  url.searchParams.set("scope", SCOPES[input.vendor]);
  url.searchParams.set("state", state);
  if (codeVerifier) {
    url.searchParams.set("code_challenge", createHash("sha256").update(codeVerifier).digest("base64url"));
    url.searchParams.set("code_challenge_method", "S256");
  }
  return { url: url.toString(), state, codeVerifier };
}

export type AuthorisationCallback = {
  vendor: Vendor;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  expectedState: string;
  codeVerifier: string | null;
  /** The callback's query: code, state, and (QuickBooks) realmId. */
  query: URLSearchParams;
  mode?: JournalMode;
};

function sameState(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The second leg: checks the state, trades the code for tokens, finds the organisation, creates the connection. */
export async function completeAuthorisation(deps: AccountingDeps, input: AuthorisationCallback) {
  const code = input.query.get("code");
  const state = input.query.get("state") ?? "";
  if (input.query.get("error"))
    throw new AppError("BAD_REQUEST", `The accounting system did not authorise PayOps (${input.query.get("error")})`);
  if (!code || !sameState(state, input.expectedState))
    throw new AppError("BAD_REQUEST", "This authorisation did not start here or has expired; connect again");
  const tokenUrl = input.vendor === "xero" ? deps.urls.xeroToken : deps.urls.quickbooksToken;
  const form = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: input.redirectUri });
  if (input.codeVerifier) form.set("code_verifier", input.codeVerifier);
  const response = await fetch(tokenUrl, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${input.clientId}:${input.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    },
    body: form.toString(),
    signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
  });
  const tokens = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    refresh_token?: string;
    error?: string;
  };
  if (!response.ok || !tokens.refresh_token || !tokens.access_token) {
    throw new AppError(
      "BAD_REQUEST",
      `The accounting system refused the authorisation (${tokens.error ?? response.status}); connect again`,
    );
  }
  let organisationId = input.query.get("realmId");
  if (input.vendor === "xero") {
    const connections = await fetch(new URL("/connections", deps.urls.xeroApi), {
      headers: { authorization: `Bearer ${tokens.access_token}`, accept: "application/json" },
      signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
    });
    const tenants = (await connections.json().catch(() => [])) as { tenantId: string; tenantType: string }[];
    organisationId = tenants.find((t) => t.tenantType === "ORGANISATION")?.tenantId ?? null;
  }
  if (!organisationId)
    throw new AppError("BAD_REQUEST", "The authorisation named no organisation; connect again and choose one");
  return createConnection(deps, {
    vendor: input.vendor,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    refreshToken: tokens.refresh_token,
    organisationId,
    mode: input.mode,
  });
}
