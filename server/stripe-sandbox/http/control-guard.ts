import { randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import type http from "node:http";
import path from "node:path";

/** Where a sandbox with a data dir leaves its control token for the CLI and the tests. */
export const CONTROL_TOKEN_FILE = "control-token";

export function newControlToken(): string {
  return randomBytes(24).toString("hex");
}

export function writeControlToken(dataDir: string, token: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, CONTROL_TOKEN_FILE), `${token}\n`, { mode: 0o600 });
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function isLoopback(address: string | undefined): boolean {
  return address === "::1" || address?.startsWith("127.") === true || address?.startsWith("::ffff:127.") === true;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a control request (`/_sandbox/…`) is refused, or null. Any web page open on the machine can
 * reach a loopback port, so loopback alone is not enough: a page can send a "simple" text/plain
 * POST without a preflight (CSRF), or rebind its own host name to 127.0.0.1 (DNS rebinding). So the
 * Host must be a loopback name, a browser's request (Origin, Sec-Fetch-Site) is refused, a body
 * must be JSON, and the caller must hold this run's token.
 */
export function controlRefusal(
  req: http.IncomingMessage,
  body: string,
  controlToken: string,
): { status: number; message: string } | null {
  if (!isLoopback(req.socket.remoteAddress))
    return { status: 403, message: "The control API answers only on loopback." };
  const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
  if (!LOOPBACK_HOSTS.has(host)) {
    return { status: 403, message: "The control API answers only to Host 127.0.0.1, localhost or [::1]." };
  }
  const fetchSite = req.headers["sec-fetch-site"];
  if (req.headers.origin !== undefined || (fetchSite !== undefined && fetchSite !== "none")) {
    return { status: 403, message: "The control API refuses requests made by web pages." };
  }
  if (body.trim() && !(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
    return { status: 415, message: "Control request bodies are JSON (Content-Type: application/json)." };
  }
  const given = req.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (!sameToken(given, controlToken)) {
    return {
      status: 401,
      message:
        "The control API needs this run's token: Authorization: Bearer <token> (startSandbox's controlToken, " +
        `or the file ${CONTROL_TOKEN_FILE} in the sandbox's data dir).`,
    };
  }
  return null;
}

/** The headers a control call carries. */
export function controlHeaders(controlToken: string): Record<string, string> {
  return { authorization: `Bearer ${controlToken}`, "content-type": "application/json" };
}
