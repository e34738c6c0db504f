import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type Stripe from "stripe";
import { metrics } from "./metrics";
import { payopsTracer } from "./payops-tracer";
import { stripeEndpoint, stripeOutcome } from "./stripe-endpoint";
import { parentContext } from "./tracing";

type HttpClient = NonNullable<Stripe.StripeConfig["httpClient"]>;
type HttpResponse = Awaited<ReturnType<HttpClient["makeRequest"]>>;

/**
 * Wraps the Stripe SDK's HTTP client so every request (each retry too) is counted by endpoint and
 * outcome with its latency, in a client span with method, path, status, Stripe's request id and the
 * idempotency key. The Authorization header, which carries the secret key, is passed through
 * untouched and never recorded.
 */
export function instrumentStripeHttpClient(inner: HttpClient): HttpClient {
  return {
    getClientName: () => inner.getClientName(),
    makeRequest: async (host, port, path, method, headers, requestData, protocol, timeout) => {
      const endpoint = stripeEndpoint(path);
      const started = performance.now();
      let status: number | null = null;
      const idempotencyKey = headerValue(headers, "idempotency-key");
      const span = payopsTracer().startSpan(
        `stripe ${method} ${endpoint}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            "http.request.method": method,
            "url.path": path.split("?")[0],
            "server.address": host,
            "stripe.endpoint": endpoint,
            ...(idempotencyKey ? { "stripe.idempotency_key": idempotencyKey } : {}),
          },
        },
        parentContext(),
      );
      try {
        const response: HttpResponse = await inner.makeRequest(
          host,
          port,
          path,
          method,
          headers,
          requestData,
          protocol,
          timeout,
        );
        status = response.getStatusCode();
        span.setAttribute("http.response.status_code", status);
        const requestId = response.getHeaders()["request-id"];
        if (typeof requestId === "string") span.setAttribute("stripe.request_id", requestId);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        return response;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
        const m = metrics();
        m.stripeApiRequests.inc({ method, endpoint, outcome: stripeOutcome(status) });
        m.stripeApiSeconds.observe({ method, endpoint }, (performance.now() - started) / 1000);
      }
    },
  };
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return String(value);
  }
  return undefined;
}
