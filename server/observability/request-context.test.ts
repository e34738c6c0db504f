import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { serveWithRequestId } from "./request-context";
import { startTracing } from "./start-tracing";
import { withSpan } from "./tracing";

const exporter = new InMemorySpanExporter();
startTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
/** What the active span said while a request was served: whether it recorded (Next.js reads that). */
const activeRecording: boolean[] = [];

const lines: Record<string, string>[] = [];
const log = createLogger(
  new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  }),
).child({}, { level: "info" });

function serve(trustProxy: boolean) {
  // A request that logs before, inside and after an awaited span, the way a route handler does.
  return createServer((request, response) => {
    serveWithRequestId(request, response, trustProxy, () => {
      activeRecording.push(trace.getActiveSpan()?.isRecording() ?? false);
      if (request.url?.startsWith("/fail")) {
        response.statusCode = 503;
        response.end("down");
        return;
      }
      void withSpan("request", {}, async () => {
        log.info({ path: request.url }, "first");
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.info({ path: request.url }, "second");
      }).then(() => response.end("ok"));
    });
  });
}

const servers: ReturnType<typeof createServer>[] = [];
async function start(trustProxy: boolean): Promise<string> {
  const server = serve(trustProxy).listen(0, "127.0.0.1");
  servers.push(server);
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
let direct: string;
let behindProxy: string;
beforeAll(async () => {
  direct = await start(false);
  behindProxy = await start(true);
});
afterAll(() => {
  for (const server of servers) server.close();
});

describe("request ids", () => {
  it("put one request id and one trace id on every line of a request, and the id on its answer", async () => {
    lines.length = 0;
    const answers = await Promise.all(["/a", "/b", "/c"].map((path) => fetch(direct + path)));
    for (const path of ["/a", "/b", "/c"]) {
      const own = lines.filter((line) => line.path === path);
      expect(own.map((line) => line.msg)).toEqual(["first", "second"]);
      expect(own[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(own[1]?.requestId).toBe(own[0]?.requestId);
      expect(own[0]?.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(own[1]?.traceId).toBe(own[0]?.traceId);
    }
    const ids = answers.map((answer) => answer.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(3);
    expect(new Set(lines.map((line) => line.requestId))).toEqual(new Set(ids));
    expect(new Set(lines.map((line) => line.traceId)).size).toBe(3);
  });

  it("keep a trusted proxy's request id and replace a client's own", async () => {
    const proxied = await fetch(`${behindProxy}/p`, { headers: { "x-request-id": "edge-0123456789" } });
    expect(proxied.headers.get("x-request-id")).toBe("edge-0123456789");
    const forged = await fetch(`${direct}/f`, { headers: { "x-request-id": "edge-0123456789" } });
    expect(forged.headers.get("x-request-id")).not.toBe("edge-0123456789");
    const junk = await fetch(`${behindProxy}/j`, { headers: { "x-request-id": "bad id;drop" } });
    expect(junk.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("request spans", () => {
  it("give each request a server span named by its route, the parent of the spans inside it", async () => {
    exporter.reset();
    activeRecording.length = 0;
    const answer = await fetch(`${direct}/orders/0b5c1d9e-3f47-4c1a-9a57-8d2b6f1e0c42?tab=refunds`);
    await answer.text();
    await fetch(`${direct}/fail`).then((failed) => failed.text());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const spans = exporter.getFinishedSpans();
    const server = spans.find((span) => span.name === "GET /orders/:id");
    const inner = spans.find((span) => span.name === "request");
    expect(server?.attributes).toMatchObject({
      "http.request.method": "GET",
      "http.route": "/orders/:id",
      "url.path": "/orders/0b5c1d9e-3f47-4c1a-9a57-8d2b6f1e0c42",
      "http.response.status_code": 200,
      "payops.request_id": answer.headers.get("x-request-id"),
    });
    expect(inner?.spanContext().traceId).toBe(server?.spanContext().traceId);
    expect(inner?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    const failed = spans.find((span) => span.name === "GET /fail");
    expect(failed?.attributes["http.response.status_code"]).toBe(503);
    expect(failed?.status.code).toBe(2);
    // Next.js traces its own steps only under a recording active span: it must see none.
    expect(activeRecording).toEqual([false, false]);
  });

  it("continue a caller's trace from its traceparent", async () => {
    exporter.reset();
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    await fetch(`${direct}/continued`, { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } }).then((r) =>
      r.text(),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const server = exporter.getFinishedSpans().find((span) => span.name === "GET /continued");
    expect(server?.spanContext().traceId).toBe(traceId);
    expect(server?.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
  });
});
