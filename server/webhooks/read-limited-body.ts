/** Stripe events are a few kilobytes; anything past this is not a Stripe event. */
export const MAX_WEBHOOK_BODY_BYTES = 512 * 1024;

/** The raw body, or null when it is larger than the limit (checked before and while reading). */
export async function readLimitedBody(request: Request, limit = MAX_WEBHOOK_BODY_BYTES): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
