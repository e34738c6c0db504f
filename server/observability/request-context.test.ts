import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { serveWithRequestId } from "./request-context";
import { startTracing } from "./start-tracing";
import { withSpan } from "./tracing";

startTracing({ spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())] });

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
