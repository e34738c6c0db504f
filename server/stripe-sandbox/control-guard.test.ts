import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlHeaders, type RunningSandbox, startSandbox } from "./index";

// Node's fetch cannot set Host, so the requests go out through node:http as a browser's would.
function send(
  sandbox: RunningSandbox,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: sandbox.port,
        path: options.path,
        method: options.method ?? "GET",
        headers: options.headers,
      },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => {
          body += chunk.toString("utf8");
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.stop();
});

const offset = async () =>
  JSON.parse((await send(sandbox, { path: "/_sandbox/clock", headers: controlHeaders(sandbox.controlToken) })).body)
    .offsetMs as number;

describe("the sandbox's control API", () => {
  it("refuses a call without this run's token, and one with a wrong token", async () => {
    expect((await send(sandbox, { path: "/_sandbox/clock" })).status).toBe(401);
    expect((await send(sandbox, { path: "/_sandbox/clock", headers: controlHeaders("0".repeat(48)) })).status).toBe(
      401,
    );
    expect(
      (await send(sandbox, { path: "/_sandbox/clock", headers: controlHeaders(sandbox.controlToken) })).status,
    ).toBe(200);
  });

  it("refuses a web page's cross-origin text/plain POST (CSRF) and changes nothing", async () => {
    const before = await offset();
    const forged = await send(sandbox, {
      path: "/_sandbox/clock/advance",
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://evil.example", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ seconds: 86_400 }),
    });
    expect(forged.status).toBe(403);
    // Even holding the token, a text/plain body is not a control call.
    const plain = await send(sandbox, {
      path: "/_sandbox/clock/advance",
      method: "POST",
      headers: { ...controlHeaders(sandbox.controlToken), "content-type": "text/plain" },
      body: JSON.stringify({ seconds: 86_400 }),
    });
    expect(plain.status).toBe(415);
    expect(await offset()).toBe(before);
  });

  it("refuses a rebound host name (DNS rebinding) even from loopback with the token", async () => {
    const rebound = await send(sandbox, {
      path: "/_sandbox/reset",
      method: "POST",
      headers: { ...controlHeaders(sandbox.controlToken), host: `attacker.example:${sandbox.port}` },
    });
    expect(rebound.status).toBe(403);
    const named = await send(sandbox, {
      path: "/_sandbox/clock",
      headers: { ...controlHeaders(sandbox.controlToken), host: `localhost:${sandbox.port}` },
    });
    expect(named.status).toBe(200);
  });
});
