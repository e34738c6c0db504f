import http from "node:http";
import https from "node:https";
import { RawHttpClient } from "./raw-http-client";

export interface PostResult {
  status: number | null;
  error: string | null;
}

export interface WebhookAgents {
  http: http.Agent;
  https: https.Agent;
  raw: RawHttpClient;
  destroy(): void;
}

/** Keep-alive agents so a burst of deliveries reuses sockets instead of paying a handshake each. */
export function createAgents(maxSockets: number): WebhookAgents {
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  const agents = { http: new http.Agent(options), https: new https.Agent(options), raw: new RawHttpClient() };
  return {
    ...agents,
    destroy() {
      agents.http.destroy();
      agents.https.destroy();
      agents.raw.destroy();
    },
  };
}

// Endpoint URLs repeat for every delivery; parse each once.
const parsedUrls = new Map<string, URL | null>();
function parseUrl(url: string): URL | null {
  let parsed = parsedUrls.get(url);
  if (parsed === undefined) {
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (parsedUrls.size > 1000) parsedUrls.clear();
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

export function postWebhook(
  agents: WebhookAgents,
  url: string,
  body: string,
  signature: string,
  timeoutMs: number,
): Promise<PostResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const target = parseUrl(url);
    if (!target) {
      finish({ status: null, error: `invalid URL ${url}` });
      return;
    }
    const headers = {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
      "stripe-signature": signature,
      "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    };
    if (target.protocol === "http:") {
      agents.raw
        .post(target, headers, body, timeoutMs)
        .then(finish, (error: Error) => finish({ status: null, error: error.message }));
      return;
    }
    const secure = target.protocol === "https:";
    const request = (secure ? https : http).request(
      target,
      {
        method: "POST",
        agent: secure ? agents.https : agents.http,
        headers,
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        response.on("end", () => finish({ status: response.statusCode ?? null, error: null }));
        response.on("error", (error) => finish({ status: response.statusCode ?? null, error: error.message }));
      },
    );
    request.on("timeout", () => {
      request.destroy(new Error(`timed out after ${timeoutMs} ms`));
    });
    request.on("error", (error) => finish({ status: null, error: error.message }));
    request.end(body);
  });
}
