import http from "node:http";
import { logger } from "../../observability/logger";
import { moneyRoutes } from "../api/money-routes";
import { paymentIntentRoutes } from "../api/payment-intent-routes";
import { platformRoutes } from "../api/platform-routes";
import { reviewRoutes } from "../api/review-routes";
import { handleChallenge } from "../browser/handle-challenge";
import { ControlError, controlRoutes } from "../control/control-routes";
import type { SandboxRuntime } from "../core/create-sandbox";
import { controlRefusal } from "./control-guard";
import { StripeApiError } from "./errors";
import { type ApiServerContext, handleApi } from "./handle-api";
import { baseHeaders, type ResponseContext, readRawBody, sendJson } from "./respond";
import { FILE_CONTENTS, serveFileContents } from "./serve-file";

const log = logger.child({ module: "stripe-sandbox" });

export interface HttpOptions {
  allowedOrigins: string[];
  /** Required (Authorization: Bearer …) on every control call. */
  controlToken: string;
}

function handleControl(
  runtime: SandboxRuntime,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  body: string,
  rc: ResponseContext,
) {
  const method = req.method ?? "GET";
  for (const candidate of controlRoutes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(url.pathname);
    if (!match) continue;
    let parsed: unknown = {};
    if (body.trim()) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendJson(res, rc, 400, JSON.stringify({ error: { message: "body: expected JSON" } }));
      }
    }
    try {
      const result = candidate.handler(runtime, parsed, match.slice(1), url.searchParams);
      return sendJson(res, rc, 200, JSON.stringify(result, null, 2));
    } catch (error) {
      if (error instanceof ControlError)
        return sendJson(res, rc, error.status, JSON.stringify({ error: { message: error.message } }));
      if (error instanceof StripeApiError)
        return sendJson(res, rc, error.status, JSON.stringify({ error: error.body }));
      throw error;
    }
  }
  sendJson(res, rc, 404, JSON.stringify({ error: { message: `No control route ${method} ${url.pathname}` } }));
}

/** One HTTP server for the REST API (/v1), the control API (/_sandbox) and the 3-D Secure page (/3ds). */
export function createHttpServer(runtime: SandboxRuntime, options: HttpOptions) {
  const hangs = new Set<AbortController>();
  const apiCtx: ApiServerContext = {
    sb: runtime.sb,
    routes: [...paymentIntentRoutes, ...moneyRoutes, ...reviewRoutes, ...platformRoutes],
    baseUrl: (req) => `http://${req.headers.host ?? "127.0.0.1"}`,
    hangs,
  };
  const server = http.createServer((req, res) => {
    const origin = req.headers.origin;
    const corsOrigin = origin && options.allowedOrigins.includes(origin) ? origin : null;
    const rc: ResponseContext = { faults: runtime.sb.faults, corsOrigin };
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    if (req.method === "OPTIONS") {
      res.writeHead(corsOrigin ? 204 : 403, {
        ...baseHeaders(rc),
        ...(corsOrigin
          ? {
              "Access-Control-Allow-Origin": corsOrigin,
              "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
              "Access-Control-Allow-Headers": "Authorization, Content-Type, Stripe-Version, Idempotency-Key",
              "Access-Control-Max-Age": "600",
              Vary: "Origin",
            }
          : {}),
      });
      res.end();
      return;
    }
    const serve = async () => {
      let raw: Buffer = Buffer.alloc(0);
      try {
        // The files host takes uploads past its 5 MB rule, so the refusal is Stripe's error, not a cut connection.
        raw = await readRawBody(req, url.pathname === "/v1/files" ? 16 * 1024 * 1024 : 1_000_000);
      } catch {
        return sendJson(
          res,
          rc,
          413,
          JSON.stringify({ error: { type: "invalid_request_error", message: "Request body too large." } }),
        );
      }
      const body = raw.toString("utf8");
      const file = req.method === "GET" ? FILE_CONTENTS.exec(url.pathname) : null;
      if (file) return serveFileContents(runtime.sb, req, res, file[1]!, rc);
      if (url.pathname.startsWith("/v1/")) return handleApi(apiCtx, req, res, url, raw, rc);
      if (url.pathname.startsWith("/_sandbox/")) {
        const refusal = controlRefusal(req, body, options.controlToken);
        if (refusal) return sendJson(res, rc, refusal.status, JSON.stringify({ error: { message: refusal.message } }));
        return handleControl(runtime, req, res, url, body, rc);
      }
      if (url.pathname.startsWith("/3ds/")) return handleChallenge(runtime.sb, req, res, url, body, rc);
      sendJson(
        res,
        rc,
        404,
        JSON.stringify({
          error: {
            type: "invalid_request_error",
            message: `Unrecognized request URL (${req.method}: ${url.pathname}).`,
          },
        }),
      );
    };
    serve().catch((error: unknown) => {
      log.error({ err: error, path: url.pathname }, "stripe sandbox request failed");
      sendJson(
        res,
        rc,
        500,
        JSON.stringify({ error: { type: "api_error", message: "The sandbox hit an internal error." } }),
      );
    });
  });
  server.keepAliveTimeout = 30_000;
  return {
    server,
    closeHangs() {
      for (const controller of hangs) controller.abort();
    },
  };
}
