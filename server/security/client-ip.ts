import { isIP } from "node:net";
import { serverEnv } from "../env";

/**
 * The address of the client behind a request. PayOps's own server (scripts/next-server.ts) appends
 * the socket's peer address to X-Forwarded-For, so the rightmost entry is always the machine that
 * connected to us. Each trusted proxy in front appends the address it saw, so with N trusted hops
 * the client is N entries left of that. Anything further left was written by the client and is
 * never believed: with the default of 0 hops a forged header changes nothing.
 */
export function clientIp(headers: Headers, trustedProxyHops: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const index = Math.max(entries.length - 1 - trustedProxyHops, 0);
  return normaliseAddress(entries[index]!);
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client; anything that is not an address is one bucket. */
function normaliseAddress(entry: string): string {
  const address = entry.startsWith("::ffff:") && isIP(entry.slice(7)) === 4 ? entry.slice(7) : entry;
  return isIP(address) ? address : "invalid";
}

/** The one way the app asks who is calling: sign-in, rate limits and fraud checks all use it. */
export function requestClientIp(headers: Headers): string {
  return clientIp(headers, serverEnv().TRUSTED_PROXY_HOPS);
}
