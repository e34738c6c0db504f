import { z } from "zod";
import { db } from "../db/client";
import { readHealthOverview } from "../observability/health/read-health-overview";
import { permitted } from "./procedures";
import { router } from "./trpc";

/** The pipeline's health and the payments report, for admins and finance. */
export const healthRouter = router({
  overview: permitted("health.read")
    .input(z.object({ window: z.enum(["day", "month"]).default("day") }))
    .query(({ input }) => readHealthOverview(db(), input.window)),
});
