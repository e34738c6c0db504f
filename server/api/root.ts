import { router } from "./trpc";

/** Every tRPC router, one per room. */
export const appRouter = router({});

export type AppRouter = typeof appRouter;
