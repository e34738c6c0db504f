import { AppError } from "../errors";

/**
 * Opaque keyset cursors: the last row's sort value and id, base64url-encoded JSON. A tampered
 * cursor is a 400, never a 500 or a silently different page.
 */
export type KeysetPosition = { value: string | number; id: string };

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString("base64url");
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === "string" || typeof parsed[0] === "number") &&
      typeof parsed[1] === "string" &&
      /^[0-9a-f-]{36}$/i.test(parsed[1])
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("BAD_REQUEST", "The page cursor is not valid; reload the first page");
}
