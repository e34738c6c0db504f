import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { flushErrorTracking, startErrorTracking } from "./error-tracking";
import { recordRequestError } from "./record-request-error";
import { startTracing } from "./start-tracing";
import { withSpan } from "./tracing";

// A local stand-in for Sentry's ingest: it keeps every envelope the SDK posts.
const envelopes: string[] = [];
const ingest = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    envelopes.push((request.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8"));
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
ingest.listen(0, "127.0.0.1");
await once(ingest, "listening");
afterAll(() => new Promise<void>((resolve) => ingest.close(() => resolve())));

startTracing();

describe("error tracking", () => {
  it("stays off without a DSN", async () => {
    expect(await startErrorTracking(undefined)).toBe(false);
    expect(await startErrorTracking("")).toBe(false);
  });

  it("sends a server error with its route, trace id and order, and never the request's cookies or signature", async () => {
    const { port } = ingest.address() as AddressInfo;
    expect(await startErrorTracking(`http://0123456789abcdef@127.0.0.1:${port}/42`)).toBe(true);
    const orderId = "0b6f2c1e-2a4d-4c1e-9d7a-3f2b1c0d9e8f";
    let traceId = "";
    await withSpan("GET /dashboard/orders/[id]", {}, async (span) => {
      traceId = span.spanContext().traceId;
      recordRequestError(
        new Error("the order page broke"),
        {
          path: `/dashboard/orders/${orderId}?tab=refunds`,
          method: "GET",
          headers: { cookie: "next-auth.session-token=secret-session-value", "stripe-signature": "t=1,v1=abc" },
        },
        { routerKind: "App Router", routePath: "/dashboard/orders/[id]", routeType: "render" },
      );
    });
    expect(await flushErrorTracking(5_000)).toBe(true);
    const sent = envelopes.join("\n");
    expect(sent).toContain("the order page broke");
    expect(sent).toContain('"http.route":"/dashboard/orders/[id]"');
    expect(sent).toContain(`"trace_id":"${traceId}"`);
    expect(sent).toContain(`"payops.order_id":"${orderId}"`);
    expect(sent).not.toContain("secret-session-value");
    expect(sent).not.toContain("v1=abc");
  });
});
