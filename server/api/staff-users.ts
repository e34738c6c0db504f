import { z } from "zod";
import { changeStaffRole } from "../auth/change-staff-role";
import { createStaffUser } from "../auth/create-staff-user";
import { listStaffUsers } from "../auth/list-staff-users";
import { STAFF_ROLES } from "../auth/permissions";
import { resetTwoFactor } from "../auth/reset-two-factor";
import { setStaffActive } from "../auth/set-staff-active";
import { setTwoFactorRequirement } from "../auth/set-two-factor-requirement";
import { signOutEverywhere } from "../auth/sign-out-everywhere";
import { twoFactorRequired } from "../auth/two-factor-requirement";
import { db } from "../db/client";
import { permitted } from "./procedures";
import { router } from "./trpc";

const staffUserId = z.uuid("expected a staff user id");
const reason = z.string().trim().min(3, "say why, in a few words").max(500);

/** Admins manage who can use the back office and with which role. */
export const staffUsersRouter = router({
  list: permitted("users.manage").query(() => listStaffUsers(db())),
  create: permitted("users.manage")
    .input(
      z.object({
        email: z.email("expected an email address").max(320),
        name: z.string().trim().min(1).max(200),
        role: z.enum(STAFF_ROLES),
        password: z.string().min(12, "passwords are at least 12 characters").max(200),
      }),
    )
    .mutation(({ input, ctx }) => createStaffUser(db(), { ...input, actorId: ctx.staff.userId })),
  changeRole: permitted("users.manage")
    .input(z.object({ staffUserId, role: z.enum(STAFF_ROLES), reason }))
    .mutation(({ input, ctx }) => changeStaffRole(db(), { ...input, actorId: ctx.staff.userId })),
  setActive: permitted("users.manage")
    .input(z.object({ staffUserId, active: z.boolean(), reason }))
    .mutation(({ input, ctx }) => setStaffActive(db(), { ...input, actorId: ctx.staff.userId })),
  resetTwoFactor: permitted("users.manage")
    .input(z.object({ staffUserId, reason }))
    .mutation(({ input, ctx }) => resetTwoFactor(db(), { ...input, actorId: ctx.staff.userId })),
  securitySettings: permitted("users.manage").query(async () => ({ requireTwoFactor: await twoFactorRequired(db()) })),
  setTwoFactorRequirement: permitted("users.manage")
    .input(z.object({ required: z.boolean(), reason }))
    .mutation(({ input, ctx }) => setTwoFactorRequirement(db(), { ...input, actorId: ctx.staff.userId })),
  signOutEverywhere: permitted("users.manage")
    .input(z.object({ staffUserId }))
    .mutation(({ input, ctx }) =>
      signOutEverywhere(db(), { staffUserId: input.staffUserId, actorId: ctx.staff.userId }),
    ),
});
