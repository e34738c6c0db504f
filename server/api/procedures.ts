import { TRPCError } from "@trpc/server";
import { auditStaffRateLimited } from "../auth/audit-staff-rate-limited";
import { type Permission, roleHasPermission } from "../auth/permissions";
import type { StaffSession } from "../auth/staff-session";
import { db } from "../db/client";
import { enforceRateLimits } from "../security/enforce-rate-limit";
import { middleware, publicProcedure } from "./trpc";

export { publicProcedure };

/**
 * Signed-in staff, including a member who must still set up two-factor sign-in: only the set-up
 * procedures use this. Changes are rate limited per staff member; the first refusal in a window
 * is audited.
 */
export const enrollingStaffProcedure = publicProcedure.use(
  middleware(async ({ ctx, next, type }) => {
    if (!ctx.staff) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to the back office first" });
    const staff = ctx.staff;
    if (type === "mutation") {
      await enforceRateLimits([["staffMutationsPerSession", staff.userId]], (_policy, refusal) =>
        refusal.firstRefusal ? auditStaffRateLimited(db(), staff.userId, "back-office changes") : Promise.resolve(),
      );
    }
    return next({ ctx: { ...ctx, staff } });
  }),
);

/** Signed-in staff only, two-factor set up where required; narrows `ctx.staff` to non-null. */
export const staffProcedure = enrollingStaffProcedure.use(
  middleware(({ ctx, next }) => {
    if ((ctx.staff as StaffSession).twoFactorPending) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Set up two-factor sign-in first" });
    }
    return next({ ctx: { ...ctx, staff: ctx.staff as StaffSession } });
  }),
);

const gates = new Map<Permission, typeof staffProcedure>();

/**
 * The only way to build a staff procedure: from a permission in the table (server/auth/permissions.ts),
 * never from a role. The gate runs before input parsing, so a forbidden caller learns nothing
 * about the input a procedure expects. The permission is also kept as metadata for tests and docs.
 */
export function permitted(permission: Permission) {
  let procedure = gates.get(permission);
  if (!procedure) {
    procedure = staffProcedure.use(
      middleware(({ ctx, next }) => {
        const staff = ctx.staff as StaffSession;
        if (!roleHasPermission(staff.role, permission)) {
          throw new TRPCError({ code: "FORBIDDEN", message: `The ${staff.role} role may not ${permission}` });
        }
        return next();
      }),
    );
    gates.set(permission, procedure);
  }
  return procedure;
}
