import http from "node:http";
import https from "node:https";

export interface PostResult {
  status: number | null;
  error: string | null;
}

export interface WebhookAgents {
  http: http.Agent;
  https: https.Agent;
  destroy(): void;
}

/** Keep-alive agents so a burst of deliveries reuses sockets instead of paying a handshake each. */
export function createAgents(maxSockets: number): WebhookAgents {
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  const agents = { http: new http.Agent(options), https: new https.Agent(options) };
  return {
    ...agents,
    destroy() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
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
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      finish({ status: null, error: `invalid URL ${url}` });
      return;
    }
    const secure = target.protocol === "https:";
    const request = (secure ? https : http).request(
      target,
      {
        method: "POST",
        agent: secure ? agents.https : agents.http,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(body),
          "stripe-signature": signature,
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
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
