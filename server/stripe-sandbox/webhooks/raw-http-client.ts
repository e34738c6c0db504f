import net from "node:net";

export interface RawResult {
  status: number | null;
  error: string | null;
}

interface Pending {
  finish(result: RawResult): void;
  /** Bytes of the response seen so far; a reused socket that died before any may be retried. */
  received: number;
}

const HEAD_END = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

/**
 * Reads one HTTP/1.1 response from a byte stream: status line and headers, then a body framed by
 * Content-Length, chunked encoding, or the end of the connection.
 */
class ResponseReader {
  private buffer: Buffer = Buffer.alloc(0);
  private status = 0;
  private mode: "head" | "length" | "chunk-size" | "chunk-data" | "trailers" | "until-close" = "head";
  private remaining = 0;
  keepAlive = true;

  /** Feeds bytes; returns the status once the whole response has arrived. */
  push(chunk: Buffer): number | null {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.mode === "head") {
        const end = this.buffer.indexOf(HEAD_END);
        if (end === -1) return null;
        const head = this.buffer.subarray(0, end).toString("latin1");
        this.buffer = this.buffer.subarray(end + 4);
        if (!this.readHead(head)) continue;
        if (this.mode === "head") return this.status;
      } else if (this.mode === "length") {
        const take = Math.min(this.remaining, this.buffer.length);
        this.remaining -= take;
        this.buffer = this.buffer.subarray(take);
        if (this.remaining > 0) return null;
        return this.done();
      } else if (this.mode === "chunk-size") {
        const end = this.buffer.indexOf(CRLF);
        if (end === -1) return null;
        const size = Number.parseInt(this.buffer.subarray(0, end).toString("latin1").split(";")[0]!.trim(), 16);
        this.buffer = this.buffer.subarray(end + 2);
        if (Number.isNaN(size)) throw new Error("malformed chunked response");
        this.remaining = size + 2;
        this.mode = size === 0 ? "trailers" : "chunk-data";
      } else if (this.mode === "chunk-data") {
        const take = Math.min(this.remaining, this.buffer.length);
        this.remaining -= take;
        this.buffer = this.buffer.subarray(take);
        if (this.remaining > 0) return null;
        this.mode = "chunk-size";
      } else if (this.mode === "trailers") {
        // After the last chunk: optional trailer lines, then an empty line.
        const end = this.buffer.indexOf(CRLF);
        if (end === -1) return null;
        this.buffer = this.buffer.subarray(end + 2);
        if (end === 0) return this.done();
      } else {
        this.buffer = Buffer.alloc(0);
        return null;
      }
    }
  }

  /** The connection ended: a close-delimited body is complete now. */
  end(): number | null {
    return this.mode === "until-close" ? this.status : null;
  }

  private done(): number {
    const status = this.status;
    this.mode = "head";
    return status;
  }

  /** Parses the head; false for an interim 1xx response, which precedes the real one. */
  private readHead(head: string): boolean {
    const lines = head.split("\r\n");
    const match = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? "");
    if (!match) throw new Error("malformed HTTP response");
    this.status = Number(match[2]);
    if (this.status >= 100 && this.status < 200) return false;
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon > 0)
        headers.set(
          line.slice(0, colon).trim().toLowerCase(),
          line
            .slice(colon + 1)
            .trim()
            .toLowerCase(),
        );
    }
    const connection = headers.get("connection") ?? "";
    this.keepAlive = match[1] === "1" ? connection !== "close" : connection === "keep-alive";
    if (this.status === 204 || this.status === 304) this.mode = "head";
    else if (headers.get("transfer-encoding")?.includes("chunked")) this.mode = "chunk-size";
    else if (headers.has("content-length")) {
      this.remaining = Number(headers.get("content-length"));
      this.mode = this.remaining > 0 ? "length" : "head";
    } else {
      this.mode = "until-close";
      this.keepAlive = false;
    }
    return true;
  }
}

class Connection {
  readonly reader = new ResponseReader();
  pending: Pending | null = null;
  used = false;
  dead = false;

  constructor(
    readonly socket: net.Socket,
    private readonly release: (connection: Connection) => void,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("end", () => this.onClose(null));
    socket.on("close", () => this.onClose(null));
    socket.on("error", (error) => this.onClose(error.message));
  }

  private onData(chunk: Buffer) {
    const pending = this.pending;
    if (!pending) return;
    pending.received += chunk.length;
    let status: number | null;
    try {
      status = this.reader.push(chunk);
    } catch (error) {
      this.kill();
      pending.finish({ status: null, error: (error as Error).message });
      return;
    }
    if (status === null) return;
    this.pending = null;
    if (!this.reader.keepAlive) this.kill();
    else this.release(this);
    pending.finish({ status, error: null });
  }

  private onClose(message: string | null) {
    this.dead = true;
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    const status = this.reader.end();
    pending.finish(status !== null ? { status, error: null } : { status: null, error: message ?? "socket hang up" });
  }

  kill() {
    this.dead = true;
    this.socket.destroy();
  }
}

/**
 * A minimal keep-alive HTTP/1.1 client for plain-http webhook endpoints. Node's http client costs
 * about three times the CPU per request; on a busy machine that decides whether deliveries keep up.
 */
export class RawHttpClient {
  private readonly idle = new Map<string, Connection[]>();
  private readonly all = new Set<Connection>();

  post(url: URL, headers: Record<string, string | number>, body: string, timeoutMs: number): Promise<RawResult> {
    return this.attempt(url, headers, body, timeoutMs, true);
  }

  private attempt(
    url: URL,
    headers: Record<string, string | number>,
    body: string,
    timeoutMs: number,
    mayRetry: boolean,
  ) {
    return new Promise<RawResult>((resolve) => {
      const key = `${url.hostname}:${url.port || 80}`;
      const connection = this.take(key, url);
      const reused = connection.used;
      connection.used = true;
      connection.socket.ref();
      let settled = false;
      const timer = setTimeout(() => {
        connection.kill();
        finish({ status: null, error: `timed out after ${timeoutMs} ms` });
      }, timeoutMs);
      const pending: Pending = {
        received: 0,
        finish: (result) => finish(result),
      };
      const finish = (result: RawResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // A kept-alive socket the server had just closed: the request never reached it, so send it again.
        if (result.error && reused && mayRetry && pending.received === 0 && !result.error.startsWith("timed out")) {
          resolve(this.attempt(url, headers, body, timeoutMs, false));
          return;
        }
        resolve(result);
      };
      connection.pending = pending;
      let head = `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n`;
      for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
      connection.socket.write(`${head}\r\n${body}`);
    });
  }

  private take(key: string, url: URL): Connection {
    const pool = this.idle.get(key);
    while (pool && pool.length > 0) {
      const connection = pool.pop()!;
      if (!connection.dead) return connection;
    }
    const socket = net.connect(Number(url.port || 80), url.hostname);
    const connection = new Connection(socket, (done) => {
      if (done.dead) return;
      // Idle sockets must not keep the process alive.
      done.socket.unref();
      const list = this.idle.get(key) ?? [];
      list.push(done);
      this.idle.set(key, list);
    });
    socket.on("close", () => this.all.delete(connection));
    this.all.add(connection);
    return connection;
  }

  destroy() {
    for (const connection of this.all) connection.kill();
    this.all.clear();
    this.idle.clear();
  }
}
