import { checkoutRouter } from "./checkout";
import { router } from "./trpc";

/** Every tRPC router, one per room. */
export const appRouter = router({
  checkout: checkoutRouter,
});

export type AppRouter = typeof appRouter;
