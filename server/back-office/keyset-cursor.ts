import { AppError } from "../errors";
import { INT32_MAX, isStorableInstant, UUID_PATTERN, unstorableTextReason } from "../validation/storable-input";

/**
 * Opaque keyset cursors: the last row's sort value and id, base64url-encoded JSON. A tampered
 * cursor is a 400, never a 500 or a silently different page: the value must be of the sort's own
 * kind and one PostgreSQL can compare (a timestamp in range, an integer, plain text).
 */
export type KeysetPosition = { value: string | number; id: string };
export type CursorValueKind = "timestamp" | "integer" | "text";

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString("base64url");
}

function fitsKind(value: unknown, kind: CursorValueKind): boolean {
  if (kind === "timestamp") return isStorableInstant(value);
  if (kind === "integer") return Number.isSafeInteger(value) && Math.abs(value as number) <= INT32_MAX;
  return typeof value === "string" && value.length <= 200 && unstorableTextReason(value) === null;
}

export function decodeCursor(cursor: string, kind: CursorValueKind): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === "string" && UUID_PATTERN.test(parsed[1])) {
    if (fitsKind(parsed[0], kind)) return { value: parsed[0] as string | number, id: parsed[1] };
    throw new AppError("BAD_REQUEST", "The page cursor belongs to another sort order; reload the first page");
  }
  throw new AppError("BAD_REQUEST", "The page cursor is not valid; reload the first page");
}
