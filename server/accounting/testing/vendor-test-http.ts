import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type VendorRequest = {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: string;
};

export type VendorAnswer = { status: number; headers?: Record<string, string>; body?: unknown } | "hang";

/** Faults a test can switch on; each vendor server applies them where that vendor would fail. */
export type VendorFaults = {
  /** Share of journal creations answered 500 before anything is stored. */
  serverErrorRate?: number;
  /** Share of journal creations stored and then never answered (the client times out). */
  hangAfterStoreRate?: number;
  /** This many next requests are answered 429 with Retry-After (a storm), whatever the limits. */
  tooManyRequests?: number;
  retryAfterSeconds?: number;
  /** The vendor no longer remembers idempotency keys (their window passed), so only a look-up saves a repeat. */
  forgetIdempotencyKeys?: boolean;
  /** The books are closed up to this date (YYYY-MM-DD): journals dated on or before it are refused with a 400. */
  booksClosedThrough?: string;
  /** This many next journal creations are refused with the vendor's 400 validation error (a bookkeeper's lock). */
  rejectJournals?: number;
  /** Called once a journal is stored, before the answer: a test kills the client here. */
  onStored?: () => void;
};

/** Starts a local HTTP server (on a free port unless one is given) that answers through `handle`. */
export async function startVendorServer(
  handle: (request: VendorRequest) => Promise<VendorAnswer> | VendorAnswer,
  listenOn = 0,
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", "http://vendor.test"),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      Promise.resolve(handle(request))
        .then((answer) => {
          if (answer === "hang") return;
          const body =
            answer.body === undefined
              ? ""
              : typeof answer.body === "string"
                ? answer.body
                : JSON.stringify(answer.body);
          res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
          res.end(body);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(listenOn, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads HTTP Basic credentials. */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  if (!header?.startsWith("Basic ")) return null;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** A decimal JSON number as minor units, refusing more decimals than the currency has. */
export function amountToMinor(value: unknown, exponent: number): bigint | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  const text = String(value);
  if (/e/i.test(text)) return null;
  const [whole, fraction = ""] = text.replace("-", "").split(".");
  if (fraction.length > exponent) return null;
  const minor = BigInt(`${whole}${fraction.padEnd(exponent, "0")}`);
  return text.startsWith("-") ? -minor : minor;
}

export function randomId(): string {
  return crypto.randomUUID();
}
