import type http from "node:http";
import { describeFaults, type Faults } from "../core/faults";

export interface ResponseContext {
  faults: Faults;
  corsOrigin: string | null;
}

export function baseHeaders(ctx: ResponseContext): Record<string, string> {
  const headers: Record<string, string> = {};
  const faults = describeFaults(ctx.faults);
  if (faults) headers["Sandbox-Faults"] = faults;
  if (ctx.corsOrigin) {
    headers["Access-Control-Allow-Origin"] = ctx.corsOrigin;
    headers.Vary = "Origin";
  }
  return headers;
}

export function sendJson(
  res: http.ServerResponse,
  ctx: ResponseContext,
  status: number,
  body: string,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...baseHeaders(ctx),
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

export function sendHtml(res: http.ServerResponse, ctx: ResponseContext, status: number, html: string): void {
  res.writeHead(status, { ...baseHeaders(ctx), "Content-Type": "text/html; charset=utf-8" });
  res.end(html);
}

export function redirect(res: http.ServerResponse, ctx: ResponseContext, location: string): void {
  res.writeHead(303, { ...baseHeaders(ctx), Location: location });
  res.end();
}

export async function readBody(req: http.IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  return (await readRawBody(req, limitBytes)).toString("utf8");
}

/** The body's bytes, for multipart uploads whose files are binary. */
export async function readRawBody(req: http.IncomingMessage, limitBytes = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
