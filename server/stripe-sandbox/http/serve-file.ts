import { once } from "node:events";
import type http from "node:http";
import type { Sandbox } from "../core/sandbox";
import { reportFileLines } from "../resources/report-runs";
import { authenticate } from "./auth";
import { StripeApiError } from "./errors";
import { baseHeaders, type ResponseContext, sendJson } from "./respond";

export const FILE_CONTENTS = /^\/v1\/files\/(file_[A-Za-z0-9]+)\/contents$/;

/**
 * A report run's file, as Stripe's files host serves it: CSV with the secret key, streamed line by
 * line (with backpressure) so a file of any size never sits whole in memory.
 */
export async function serveFileContents(
  sb: Sandbox,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  fileId: string,
  rc: ResponseContext,
): Promise<void> {
  try {
    if (authenticate(req.headers.authorization) !== "secret") {
      throw new StripeApiError(401, { type: "invalid_request_error", message: "Files need a secret API key." });
    }
  } catch (error) {
    if (error instanceof StripeApiError) return sendJson(res, rc, error.status, JSON.stringify({ error: error.body }));
    throw error;
  }
  const lines = reportFileLines(sb, fileId);
  const first = lines?.next();
  if (!lines || !first || first.done) {
    return sendJson(
      res,
      rc,
      404,
      JSON.stringify({ error: { type: "invalid_request_error", message: `No such file: '${fileId}'` } }),
    );
  }
  res.writeHead(200, { ...baseHeaders(rc), "Content-Type": "text/csv; charset=utf-8" });
  let chunk = first.value;
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 64 * 1024) {
      if (!res.write(chunk)) await once(res, "drain");
      chunk = "";
    }
  }
  res.end(chunk);
}
