import { approveReview, refuseUnknownParams, retrieveReview } from "../resources/reviews";
import { paginate } from "./list";
import { type Route, route } from "./route";

const LIST_PARAMS = ["created", "ending_before", "expand", "limit", "starting_after"] as const;

/** Radar's reviews: the list holds only open ones, newest first, as Stripe's does. */
export const reviewRoutes: Route[] = [
  route("GET", "/v1/reviews", (ctx) => {
    refuseUnknownParams(ctx.params, LIST_PARAMS);
    return paginate(Object.values(ctx.sb.state.reviews), ctx.params, "/v1/reviews", (review) => review.open);
  }),
  route("GET", "/v1/reviews/:id", (ctx) => {
    refuseUnknownParams(ctx.params, ["expand"]);
    return retrieveReview(ctx.sb, ctx.path[0]!);
  }),
  route("POST", "/v1/reviews/:id/approve", (ctx) =>
    approveReview(ctx.sb, retrieveReview(ctx.sb, ctx.path[0]!), ctx.params),
  ),
];
