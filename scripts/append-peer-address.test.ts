import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp } from "../server/security/client-ip";
import { appendPeerAddress } from "./append-peer-address";

describe("appendPeerAddress", () => {
  it("puts the real socket address last, so a forged X-Forwarded-For cannot name the client", async () => {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      appendPeerAddress(request);
      seen.push(clientIp(new Headers({ "x-forwarded-for": String(request.headers["x-forwarded-for"]) }), 0));
      response.end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "203.0.113.66" } });
    } finally {
      server.close();
    }
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
