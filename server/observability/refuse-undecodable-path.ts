/**
 * A 400 for an address whose percent-encoding is broken (`/orders/%E0%A4%A`), or null. Next.js
 * fails to decode such a path while matching dynamic routes and answers a plain-text 500; the
 * request is the client's mistake, so it is refused before routing with a reason.
 */
export function refuseUndecodablePath(url: string): Response | null {
  const pathname = new URL(url).pathname;
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    const message = "The address is not valid: it contains a broken percent-encoding.";
    if (pathname.startsWith("/api/")) return Response.json({ error: message }, { status: 400 });
    return new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
