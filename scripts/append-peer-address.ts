import type { IncomingMessage } from "node:http";

/** Appends the connecting peer's address to X-Forwarded-For, as a proxy does for the next hop. */
export function appendPeerAddress(request: IncomingMessage): void {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  const earlier = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  request.headers["x-forwarded-for"] = earlier ? `${earlier}, ${peer}` : peer;
}
