/** A 429 with Retry-After; `body` is JSON when given, otherwise a short plain-text reason. */
export function tooManyRequests(retryAfterSeconds: number, body?: unknown): Response {
  const headers = { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" };
  if (body === undefined) {
    return new Response(`Too many requests: try again in ${retryAfterSeconds} s.\n`, {
      status: 429,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  }
  return Response.json(body, { status: 429, headers });
}

export function describeRetryAfter(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
