import { z } from "zod";
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from "../auth/enrol-two-factor";
import { db } from "../db/client";
import { enrollingStaffProcedure } from "./procedures";
import { router } from "./trpc";

/** The signed-in member's own two-factor set-up (open to members who must still do it). */
export const twoFactorRouter = router({
  start: enrollingStaffProcedure.mutation(({ ctx }) => startTwoFactorEnrolment(db(), ctx.staff.userId)),
  confirm: enrollingStaffProcedure
    .input(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, "enter the 6-digit code from the app"),
      }),
    )
    .mutation(({ input, ctx }) => confirmTwoFactorEnrolment(db(), { staffUserId: ctx.staff.userId, code: input.code })),
});
