import { Writable } from "node:stream";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { correlationFields } from "./logger";
import { domainIdsFromPath, recordRequestError } from "./record-request-error";
import { startTracing } from "./start-tracing";
import { withSpan } from "./tracing";

const exporter = new InMemorySpanExporter();
startTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

describe("recordRequestError", () => {
  it("puts the error on the request's span with its route and the order it was about", async () => {
    exporter.reset();
    const orderId = "0b6f2c1e-2a4d-4c1e-9d7a-3f2b1c0d9e8f";
    await withSpan("GET /dashboard/orders/[id]", {}, async () => {
      recordRequestError(
        new Error("boom"),
        { path: `/dashboard/orders/${orderId}?tab=refunds`, method: "GET", headers: {} },
        { routerKind: "App Router", routePath: "/dashboard/orders/[id]", routeType: "render" },
      );
    });
    const [span] = exporter.getFinishedSpans();
    const event = span?.events.find((candidate) => candidate.name === "request.error");
    expect(event?.attributes).toMatchObject({ "http.route": "/dashboard/orders/[id]", "payops.order_id": orderId });
    expect(span?.events.some((candidate) => candidate.name === "exception")).toBe(true);
    expect(span?.status.code).toBe(2);
  });

  it("reads order and refund ids from the path", () => {
    expect(domainIdsFromPath("/api/health")).toEqual({});
    expect(domainIdsFromPath("/dashboard/refunds/0b6f2c1e-2a4d-4c1e-9d7a-3f2b1c0d9e8f")).toEqual({
      refundId: "0b6f2c1e-2a4d-4c1e-9d7a-3f2b1c0d9e8f",
    });
  });
});

describe("log lines", () => {
  it("carry the trace and span id of the span they are written in", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino({ mixin: correlationFields }, sink);
    let ids: { traceId: string; spanId: string } | undefined;
    await withSpan("request", {}, async (span) => {
      ids = { traceId: span.spanContext().traceId, spanId: span.spanContext().spanId };
      log.info("inside");
    });
    log.info("outside");
    expect(JSON.parse(lines[0]!)).toMatchObject(ids!);
    expect(JSON.parse(lines[1]!).traceId).toBeUndefined();
  });
});
