import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { roleHasPermission } from "../auth/permissions";
import { parseCookieHeader, resolveStaffSession } from "../auth/staff-session";
import { db } from "../db/client";
import { isAppError } from "../errors";
import { logger } from "../observability/logger";
import { accountingDepsFromEnv } from "./accounting-deps";
import { completeAuthorisation, startAuthorisation } from "./oauth-authorisation";
import { isOAuthVendor, vendorOAuthSettings } from "./oauth-settings";

const COOKIE = "payops_accounting_oauth";
const pending = z.object({
  vendor: z.enum(["quickbooks", "xero"]),
  state: z.string().min(16),
  codeVerifier: z.string().nullable(),
  mode: z.enum(["summary", "per_transaction"]),
});

function page(status: number, message: string): Response {
  const text = message.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Accounting connection</title></head><body><main><h1>The accounting system was not connected</h1><p role="alert">${text}</p><p><a href="/dashboard/accounting">Back to accounting</a></p></main></body></html>`;
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

function cookie(request: Request, value: string, maxAge: number): string {
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return `${COOKIE}=${value}; Path=/api/accounting; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

async function admin(request: Request) {
  const staff = await resolveStaffSession(request.headers);
  if (!staff || staff.twoFactorPending) return { refusal: page(401, "Sign in to the back office first.") };
  if (!roleHasPermission(staff.role, "accounting.connect"))
    return { refusal: page(403, "Only an admin connects accounting systems.") };
  return { staff };
}

/**
 * GET /api/accounting/connect/<vendor>?mode=…: sends an admin to the vendor's consent page, keeping
 * the state and the PKCE verifier in a short-lived httpOnly cookie until the vendor sends them back.
 */
export async function beginConnect(request: Request, vendor: string): Promise<Response> {
  const { refusal } = await admin(request);
  if (refusal) return refusal;
  if (!isOAuthVendor(vendor)) return page(404, "PayOps connects QuickBooks Online and Xero only.");
  const mode = new URL(request.url).searchParams.get("mode") === "per_transaction" ? "per_transaction" : "summary";
  try {
    const settings = vendorOAuthSettings(vendor);
    const start = startAuthorisation({ vendor, ...settings });
    const value = Buffer.from(
      JSON.stringify({ vendor, state: start.state, codeVerifier: start.codeVerifier, mode }),
    ).toString("base64url");
    return new Response(null, {
      status: 303,
      headers: { location: start.url, "set-cookie": cookie(request, value, 600), "cache-control": "no-store" },
    });
  } catch (error) {
    if (isAppError(error)) return page(error.httpStatus, error.message);
    throw error;
  }
}

/** GET /api/accounting/callback/<vendor>: checks the state, trades the code, creates the connection. */
export async function finishConnect(request: Request, vendor: string): Promise<Response> {
  const { refusal, staff } = await admin(request);
  if (refusal) return refusal;
  if (!isOAuthVendor(vendor)) return page(404, "PayOps connects QuickBooks Online and Xero only.");
  const raw = parseCookieHeader(request.headers.get("cookie"))[COOKIE];
  let kept: z.infer<typeof pending> | null = null;
  try {
    kept = pending.parse(JSON.parse(Buffer.from(raw ?? "", "base64url").toString("utf8")));
  } catch {
    kept = null;
  }
  const clear = cookie(request, "", 0);
  if (!kept || kept.vendor !== vendor)
    return page(400, "This authorisation did not start here or has expired; connect again.");
  try {
    const settings = vendorOAuthSettings(vendor);
    const connection = await completeAuthorisation(accountingDepsFromEnv(db()), {
      vendor,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      redirectUri: settings.redirectUri,
      expectedState: kept.state,
      codeVerifier: kept.codeVerifier,
      query: new URL(request.url).searchParams,
      mode: kept.mode,
    });
    await recordAudit(db(), {
      actor: { kind: "staff", staffUserId: staff.userId },
      action: "accounting.connected",
      subject: { type: "accounting_connection", id: connection.id },
      after: { vendor, mode: connection.mode, organisationId: connection.organisationId },
    });
    return new Response(null, {
      status: 303,
      headers: {
        location: new URL(`/dashboard/accounting/${connection.id}/mapping?connected=1`, request.url).toString(),
        "set-cookie": clear,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      const answer = page(error.httpStatus, error.message);
      answer.headers.set("set-cookie", clear);
      return answer;
    }
    logger.error({ err: error, vendor }, "accounting connection failed");
    const answer = page(502, "The accounting system could not be reached; try again in a moment.");
    answer.headers.set("set-cookie", clear);
    return answer;
  }
}
