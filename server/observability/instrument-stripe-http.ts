import type Stripe from "stripe";
import { metrics } from "./metrics";
import { stripeEndpoint, stripeOutcome } from "./stripe-endpoint";

type HttpClient = NonNullable<Stripe.StripeConfig["httpClient"]>;
type HttpResponse = Awaited<ReturnType<HttpClient["makeRequest"]>>;

/**
 * Wraps the Stripe SDK's HTTP client so every request (each retry too) is counted by endpoint and
 * outcome with its latency. Only method, path and status are read: the Authorization header, which
 * carries the secret key, is passed through untouched and never recorded.
 */
export function instrumentStripeHttpClient(inner: HttpClient): HttpClient {
  return {
    getClientName: () => inner.getClientName(),
    makeRequest: async (host, port, path, method, headers, requestData, protocol, timeout) => {
      const endpoint = stripeEndpoint(path);
      const started = performance.now();
      let status: number | null = null;
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
        return response;
      } finally {
        const m = metrics();
        m.stripeApiRequests.inc({ method, endpoint, outcome: stripeOutcome(status) });
        m.stripeApiSeconds.observe({ method, endpoint }, (performance.now() - started) / 1000);
      }
    },
  };
}
