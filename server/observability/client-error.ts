import { randomUUID } from "node:crypto";
import { currentRequestId } from "./request-context";

/**
 * What a client sees when PayOps fails on its side: a sentence meant for people and the id that
 * finds the full error (SQL, stack, Prisma's text) in the log. Nothing else leaves the server.
 */
export function internalErrorMessage(requestId: string): string {
  return `Something went wrong on our side. Please try again; if it keeps happening, quote reference ${requestId}.`;
}

/**
 * A correlation id for one request: the one PayOps's HTTP server gave it (also on its log lines),
 * else the caller's X-Request-Id when it looks like one, else a new UUID.
 */
export function requestIdFrom(headers: Headers): string {
  const served = currentRequestId();
  if (served) return served;
  const given = headers.get("x-request-id");
  return given && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : randomUUID();
}
