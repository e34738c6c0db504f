import { createHmac } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FraudCheckInput } from "../fraud-hook";
import { runFraudPreCheck } from "../run-fraud-pre-check";
import { HTTP_HOOK_SIGNATURE_HEADER, httpFraudHook } from "./http-fraud-hook";
import { loadTypeScriptHooks } from "./load-typescript-hooks";

const check: FraudCheckInput = {
  email: "ada@example.com",
  currency: "USD",
  totalMinor: 4200,
  itemCount: 1,
  shippingCountry: "GB",
  ipAddress: "203.0.113.5",
};
const SECRET = "whsec_merchant_hook_secret";

let server: Server;
let url: string;
const seen: { signature: string; body: string }[] = [];

beforeAll(async () => {
  // A stand-in fraud service: /slow answers after 300 ms, /review at once, /broken with a 500.
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      seen.push({ signature: String(request.headers[HTTP_HOOK_SIGNATURE_HEADER]), body });
      const answer = (status: number, json: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(json));
      };
      if (request.url === "/slow") setTimeout(() => answer(200, { outcome: "allow", reasons: [] }), 300);
      else if (request.url === "/review") answer(200, { outcome: "review", reasons: ["device seen in fraud ring"] });
      else answer(500, { error: "down" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const hook = (pathname: string, failMode: "open" | "closed") =>
  httpFraudHook({ name: "outside-service", url: `${url}${pathname}`, secret: SECRET, timeoutMs: 100, failMode });

describe("HTTP merchant hooks", () => {
  it("fails open when the service answers after the timeout, and says why", async () => {
    const started = Date.now();
    const answer = await runFraudPreCheck(check, [hook("/slow", "open")]);
    expect(Date.now() - started).toBeLessThan(290);
    expect(answer.outcome).toBe("allow");
    expect(answer.verdicts[0]).toMatchObject({
      hook: "outside-service",
      outcome: "allow",
      error: "no answer within 100 ms; failing open",
    });
  });

  it("fails closed when set so", async () => {
    const answer = await runFraudPreCheck(check, [hook("/slow", "closed")]);
    expect(answer.outcome).toBe("block");
    expect(answer.reasons).toEqual(["outside-service: no answer within 100 ms; failing closed"]);
    const broken = await runFraudPreCheck(check, [hook("/broken", "closed")]);
    expect(broken.verdicts[0]?.error).toBe("the service answered 500; failing closed");
  });

  it("takes the service's verdict in time, on a signed request", async () => {
    seen.length = 0;
    const answer = await runFraudPreCheck(check, [hook("/review", "open")]);
    expect(answer).toMatchObject({ outcome: "review", reasons: ["outside-service: device seen in fraud ring"] });
    const [request] = seen;
    const [, timestamp, signature] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(request!.signature) ?? [];
    expect(signature).toBe(createHmac("sha256", SECRET).update(`${timestamp}.${request!.body}`).digest("hex"));
    expect(JSON.parse(request!.body)).toEqual({ type: "payops.fraud_check", check });
  });
});

describe("TypeScript merchant hooks", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "payops-hooks-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("picks up every hook file in the folder, in name order, and runs it", async () => {
    await writeFile(
      path.join(folder, "b-big-orders.ts"),
      `export default { name: "big-orders", decide: (check: { totalMinor: number }) =>
         check.totalMinor > 1000 ? { outcome: "review", reasons: ["over 10.00"] } : { outcome: "allow", reasons: [] } };`,
    );
    await writeFile(
      path.join(folder, "a-allow.ts"),
      `export default { name: "allow", decide: () => ({ outcome: "allow", reasons: [] }) };`,
    );
    await writeFile(path.join(folder, "_draft.ts"), "export default 42;");
    const hooks = await loadTypeScriptHooks(folder);
    expect(hooks.map((loaded) => loaded.name)).toEqual(["allow", "big-orders"]);
    expect((await runFraudPreCheck(check, hooks)).reasons).toEqual(["big-orders: over 10.00"]);
  });

  it("refuses a file that is not a hook, naming it", async () => {
    await writeFile(path.join(folder, "c-broken.ts"), "export default { name: 'x' };");
    await expect(loadTypeScriptHooks(folder)).rejects.toThrow(/c-broken\.ts must export default a fraud hook/);
  });

  it("has no hooks when the folder does not exist", async () => {
    expect(await loadTypeScriptHooks(path.join(folder, "missing"))).toEqual([]);
  });
});
