import type { OrderListQueryInput, OrderSort } from "@/server/orders-workspace/order-list-query";

/** The orders table's view as URL parameters, so a filtered, sorted page can be shared as a link. */
export type OrdersView = {
  statuses: string[];
  currency: string;
  from: string;
  to: string;
  min: string;
  max: string;
  email: string;
  sort: OrderSort;
  dir: "asc" | "desc";
  cursor: string;
};

const SORTS: readonly OrderSort[] = ["created_at", "total", "status"];

export function readOrdersView(params: URLSearchParams): OrdersView {
  const sort = params.get("sort") as OrderSort | null;
  return {
    statuses: (params.get("status") ?? "").split(",").filter(Boolean),
    currency: params.get("currency") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    min: params.get("min") ?? "",
    max: params.get("max") ?? "",
    email: params.get("email") ?? "",
    sort: sort && SORTS.includes(sort) ? sort : "created_at",
    dir: params.get("dir") === "asc" ? "asc" : "desc",
    cursor: params.get("cursor") ?? "",
  };
}

/** Only non-default values go into the URL, so links stay short and readable. */
export function writeOrdersView(view: OrdersView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.statuses.length) params.set("status", view.statuses.join(","));
  for (const key of ["currency", "from", "to", "min", "max", "email"] as const) {
    if (view[key].trim()) params.set(key, view[key].trim());
  }
  if (view.sort !== "created_at") params.set("sort", view.sort);
  if (view.dir !== "desc") params.set("dir", view.dir);
  if (view.cursor) params.set("cursor", view.cursor);
  return params;
}

export function toOrderListQuery(view: OrdersView): OrderListQueryInput {
  return {
    statuses: view.statuses.length ? view.statuses : undefined,
    currency: view.currency || undefined,
    from: view.from || undefined,
    to: view.to || undefined,
    minAmount: view.min || undefined,
    maxAmount: view.max || undefined,
    email: view.email || undefined,
    sort: view.sort,
    direction: view.dir,
    cursor: view.cursor || undefined,
    limit: 50,
  };
}

/** Clicking a column header: a new column sorts descending first; the same column flips. */
export function nextSort(view: OrdersView, sort: OrderSort): Pick<OrdersView, "sort" | "dir"> {
  if (view.sort !== sort) return { sort, dir: "desc" };
  return { sort, dir: view.dir === "desc" ? "asc" : "desc" };
}
