import { AppError } from "../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Order and staff ids are uuids; anything else is the caller's mistake, reported before the database sees it. */
export function expectUuid(value: string | null | undefined, what: string): void {
  if (value != null && !UUID.test(value)) throw new AppError("BAD_REQUEST", `${what} "${value}" is not a uuid`);
}
