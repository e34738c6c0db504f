import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { RawHttpClient } from "./raw-http-client";

/** A TCP server that answers each request with the given raw bytes, to exercise every framing. */
async function rawServer(answer: (request: string, socket: net.Socket) => void) {
  const requests: string[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end === -1) return;
        const length = Number(/content-length: (\d+)/i.exec(buffer.slice(0, end))?.[1] ?? 0);
        if (buffer.length < end + 4 + length) return;
        const request = buffer.slice(0, end + 4 + length);
        buffer = buffer.slice(end + 4 + length);
        requests.push(request);
        answer(request, socket);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/hook?x=1`),
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("RawHttpClient", () => {
  const client = new RawHttpClient();
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    client.destroy();
    for (const close of closers.splice(0)) await close();
  });

  const post = (url: URL, timeoutMs = 2000) =>
    client.post(url, { "content-type": "application/json", "content-length": 7 }, '{"a":1}', timeoutMs);

  it("reads Content-Length, chunked and 204 responses on one kept-alive socket", async () => {
    const answers = [
      "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
      "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: y\r\n\r\n",
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
      "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 2\r\n\r\nno",
    ];
    const sockets = new Set<net.Socket>();
    const server = await rawServer((_request, socket) => {
      sockets.add(socket);
      socket.write(answers.shift()!);
    });
    closers.push(server.close);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(server.url)).status);
    expect(statuses).toEqual([200, 201, 204, 500]);
    expect(sockets.size).toBe(1);
    expect(server.requests[0]).toMatch(/^POST \/hook\?x=1 HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\n/);
    expect(server.requests[0]).toContain('\r\n\r\n{"a":1}');
  });

  it("reads a body delimited by the connection closing, and Connection: close", async () => {
    const server = await rawServer((request, socket) => {
      if (server.requests.length === 1) socket.end("HTTP/1.1 202 Accepted\r\n\r\nbody until close");
      else socket.end("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      expect(request).toContain("POST");
    });
    closers.push(server.close);
    expect((await post(server.url)).status).toBe(202);
    expect((await post(server.url)).status).toBe(200);
  });

  it("times out a receiver that never answers", async () => {
    const server = await rawServer(() => {});
    closers.push(server.close);
    const result = await post(server.url, 100);
    expect(result).toEqual({ status: null, error: "timed out after 100 ms" });
  });

  it("resends once when the server closed an idle kept-alive socket", async () => {
    const server = await rawServer((_request, socket) => {
      socket.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
      // Like a server's keep-alive timeout: close right after answering.
      setTimeout(() => socket.destroy(), 10);
    });
    closers.push(server.close);
    expect((await post(server.url)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await post(server.url)).status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it("reports a refused connection", async () => {
    const server = await rawServer(() => {});
    await server.close();
    const result = await post(server.url);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/ECONNREFUSED/);
  });
});
