import { describe, expect, it } from "vitest";
import { orderListQuerySchema } from "@/server/orders-workspace/order-list-query";
import { nextSort, readOrdersView, toOrderListQuery, writeOrdersView } from "./orders-url-state";

describe("orders view in the URL", () => {
  it("round-trips a filtered, sorted page through the query string", () => {
    const params = new URLSearchParams(
      "status=paid,refunded&currency=EUR&from=2026-11-01&to=2026-11-28&min=10&max=99.50&email=pat@&sort=total&dir=asc&cursor=abc",
    );
    const view = readOrdersView(params);
    expect(writeOrdersView(view).toString()).toBe(params.toString());
    expect(readOrdersView(writeOrdersView(view))).toEqual(view);
    expect(orderListQuerySchema.parse(toOrderListQuery(view))).toMatchObject({
      statuses: ["paid", "refunded"],
      currency: "EUR",
      minAmount: "10",
      sort: "total",
      direction: "asc",
    });
  });

  it("keeps defaults out of the URL and ignores unknown sorts", () => {
    const view = readOrdersView(new URLSearchParams("sort=drop_table&dir=sideways"));
    expect(view).toMatchObject({ sort: "created_at", dir: "desc", statuses: [] });
    expect(writeOrdersView(view).toString()).toBe("");
  });

  it("sorts a new column descending first and flips the current one", () => {
    const view = readOrdersView(new URLSearchParams("sort=total&dir=desc"));
    expect(nextSort(view, "total")).toEqual({ sort: "total", dir: "asc" });
    expect(nextSort(view, "status")).toEqual({ sort: "status", dir: "desc" });
  });
});
