import { permissionsOf } from "../auth/permissions";
import { signOutEverywhere } from "../auth/sign-out-everywhere";
import { db } from "../db/client";
import { staffProcedure } from "./procedures";
import { router } from "./trpc";

/** The signed-in staff member's own session. */
export const sessionRouter = router({
  me: staffProcedure.query(({ ctx }) => ({ ...ctx.staff, permissions: permissionsOf(ctx.staff.role) })),
  /** Ends this user's sessions on every device, this one included. */
  signOutEverywhere: staffProcedure.mutation(async ({ ctx }) => {
    await signOutEverywhere(db(), { staffUserId: ctx.staff.userId, actorId: ctx.staff.userId });
    return { signedOut: true };
  }),
});
