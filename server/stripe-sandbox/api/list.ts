import { invalidParam, resourceMissing } from "../http/errors";
import type { Params } from "../http/form";
import { optionalObject, optionalString } from "../http/params";

export interface ListResponse<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

type Dated = { id: string; created: number };

function bound(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw invalidParam(name, `Invalid timestamp: ${value}`);
  return Number(value);
}

/** `created=123` or `created[gte|gt|lte|lt]=…`, as Stripe's list endpoints take it. */
export function createdFilter(query: Params): (item: Dated) => boolean {
  const exact = typeof query.created === "string" ? bound(query.created, "created") : undefined;
  const range = optionalObject(query, "created") ?? {};
  const gte = bound(optionalString(range, "gte"), "created[gte]");
  const gt = bound(optionalString(range, "gt"), "created[gt]");
  const lte = bound(optionalString(range, "lte"), "created[lte]");
  const lt = bound(optionalString(range, "lt"), "created[lt]");
  return (item) =>
    (exact === undefined || item.created === exact) &&
    (gte === undefined || item.created >= gte) &&
    (gt === undefined || item.created > gt) &&
    (lte === undefined || item.created <= lte) &&
    (lt === undefined || item.created < lt);
}

/**
 * Paginates objects given oldest first (insertion order): newest first, `limit` 1–100 (default 10),
 * cursors `starting_after` (older than) and `ending_before` (newer than).
 */
export function paginate<T extends Dated>(
  oldestFirst: T[],
  query: Params,
  url: string,
  filter: (item: T) => boolean = () => true,
): ListResponse<T> {
  const limitText = optionalString(query, "limit");
  const limit = limitText === undefined ? 10 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalidParam("limit", "Invalid limit: must be an integer between 1 and 100.");
  }
  const byCreated = createdFilter(query);
  const items = oldestFirst.filter((item) => byCreated(item) && filter(item)).reverse();
  const startingAfter = optionalString(query, "starting_after");
  const endingBefore = optionalString(query, "ending_before");
  if (startingAfter) {
    const index = items.findIndex((item) => item.id === startingAfter);
    if (index === -1) throw resourceMissing("object", startingAfter, "starting_after");
    const rest = items.slice(index + 1);
    return { object: "list", data: rest.slice(0, limit), has_more: rest.length > limit, url };
  }
  if (endingBefore) {
    const index = items.findIndex((item) => item.id === endingBefore);
    if (index === -1) throw resourceMissing("object", endingBefore, "ending_before");
    const newer = items.slice(0, index);
    return {
      object: "list",
      data: newer.slice(Math.max(0, newer.length - limit)),
      has_more: newer.length > limit,
      url,
    };
  }
  return { object: "list", data: items.slice(0, limit), has_more: items.length > limit, url };
}
