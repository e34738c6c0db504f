import { createHash } from "node:crypto";
import type http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { applyExpand } from "../api/expand";
import type { Route } from "../api/route";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { API_VERSION } from "../events/emit-event";
import { authenticate } from "./auth";
import { invalidRequest, StripeApiError, unknownRoute } from "./errors";
import { type Params, parseForm } from "./form";
import { rememberIdempotent, replayIdempotent, type StoredResponse } from "./idempotency";
import { parseMultipart, type UploadedPart } from "./multipart";
import { type ResponseContext, sendJson } from "./respond";

interface ApiResponse extends StoredResponse {
  replayed?: boolean;
}

export interface ApiServerContext {
  sb: Sandbox;
  routes: Route[];
  baseUrl(req: http.IncomingMessage): string;
  /** Open hang timers, cleared on stop. */
  hangs: Set<AbortController>;
}

function errorResponse(error: StripeApiError): StoredResponse {
  return { status: error.status, body: JSON.stringify({ error: error.body }, null, 2) };
}

function findRoute(routes: Route[], method: string, path: string) {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (match) return { route: candidate, path: match.slice(1) };
  }
  return undefined;
}

type Fault = "error" | "hang" | null;

function rollFault(sb: Sandbox, path: string): Fault {
  const { api } = sb.faults;
  if (api.pathPrefix && !path.startsWith(api.pathPrefix)) return null;
  const roll = sb.faultRandom();
  if (roll < api.errorRate) return "error";
  if (roll < api.errorRate + api.hangRate) return "hang";
  return null;
}

const FAULT_ERROR: StoredResponse = {
  status: 500,
  body: JSON.stringify({
    error: { type: "api_error", message: "An unknown error occurred (injected by the sandbox's fault settings)." },
  }),
};

/** Runs a route: auth, params, idempotency, the handler and `expand[]`. Synchronous, so requests never interleave. */
function execute(
  ctx: ApiServerContext,
  req: http.IncomingMessage,
  method: string,
  path: string,
  query: string,
  body: Buffer,
  requestId: string,
): ApiResponse {
  const { sb } = ctx;
  try {
    const key = authenticate(req.headers.authorization);
    const found = findRoute(ctx.routes, method, path);
    if (!found) throw unknownRoute(method, path);
    if (key === "publishable" && !found.route.publishable) {
      throw new StripeApiError(401, {
        type: "invalid_request_error",
        message: "This API call cannot be made with a publishable API key. Please use a secret API key.",
      });
    }
    const contentType = req.headers["content-type"] ?? "";
    let params: Params;
    let files: UploadedPart[] = [];
    if (method === "POST" && contentType.toLowerCase().startsWith("multipart/form-data")) {
      ({ params, files } = parseMultipart(body, contentType));
    } else params = method === "POST" ? parseForm(body.toString("utf8")) : parseForm(query);
    const idempotencyKey = method === "POST" ? (req.headers["idempotency-key"] as string | undefined) : undefined;
    if (idempotencyKey && idempotencyKey.length > 255) {
      throw invalidRequest("Idempotency keys can be at most 255 characters long.");
    }
    // A multipart boundary is random per request, so a retried upload is recognised by its parts.
    const fingerprint = files.length
      ? `${method} ${path} ${JSON.stringify(params)} ${files.map((file) => createHash("sha256").update(file.data).digest("hex")).join(",")}`
      : `${method} ${path} ${body.toString("utf8")}`;
    if (idempotencyKey) {
      const replay = replayIdempotent(sb.state, idempotencyKey, fingerprint, sb.nowMs());
      if (replay) return { ...replay, replayed: true };
    }
    sb.request = { id: requestId, idempotencyKey: idempotencyKey ?? null };
    let response: StoredResponse;
    try {
      const result = found.route.handler({
        sb,
        params,
        path: found.path,
        files,
        publishable: key === "publishable",
        baseUrl: ctx.baseUrl(req),
      });
      const expanded = applyExpand(sb.state, result, params);
      response = { status: 200, body: JSON.stringify(expanded, null, 2) };
    } catch (error) {
      if (!(error instanceof StripeApiError) || !error.replayable) throw error;
      response = errorResponse(error);
    } finally {
      sb.request = null;
    }
    if (idempotencyKey) {
      rememberIdempotent(sb.state, idempotencyKey, fingerprint, response, sb.nowMs());
      sb.touch();
    }
    return response;
  } catch (error) {
    if (error instanceof StripeApiError) return errorResponse(error);
    throw error;
  }
}

export async function handleApi(
  ctx: ApiServerContext,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  body: Buffer,
  responseCtx: ResponseContext,
): Promise<void> {
  const method = req.method ?? "GET";
  const requestId = newId("req");
  const headers = { "Request-Id": requestId, "Stripe-Version": API_VERSION };
  const fault = rollFault(ctx.sb, url.pathname);
  const timing = ctx.sb.faults.api.timing;
  if (fault && timing === "before") {
    if (fault === "error") return sendJson(res, responseCtx, 500, FAULT_ERROR.body, headers);
    await hang(ctx, res);
    return;
  }
  const response = execute(ctx, req, method, url.pathname, url.search.slice(1), body, requestId);
  if (fault === "error") return sendJson(res, responseCtx, 500, FAULT_ERROR.body, headers);
  if (fault === "hang") {
    await hang(ctx, res);
    return;
  }
  const extra = response.replayed ? { ...headers, "Idempotent-Replayed": "true" } : headers;
  sendJson(res, responseCtx, response.status, response.body, extra);
}

/** Holds the request open past the client's timeout, then drops the connection without an answer. */
async function hang(ctx: ApiServerContext, res: http.ServerResponse): Promise<void> {
  const controller = new AbortController();
  ctx.hangs.add(controller);
  try {
    await sleep(ctx.sb.faults.api.hangMs, undefined, { signal: controller.signal });
  } catch {
    // stopped early: the server is shutting down
  } finally {
    ctx.hangs.delete(controller);
    res.destroy();
  }
}
