import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type Permission, roleHasPermission } from "@/server/auth/permissions";
import { resolveStaffSession, type StaffSession } from "@/server/auth/staff-session";

export const TWO_FACTOR_PATH = "/dashboard/two-factor";

/** Only back-office paths are valid places to return to after sign-in (no open redirects). */
export function safeReturnPath(path: string | null | undefined): string {
  return path && /^\/dashboard(?:[/?#]|$)/.test(path) ? path : "/dashboard";
}

/**
 * Every back-office page starts here: a visitor without a valid session goes to the sign-in page
 * (and comes back afterwards); a signed-in member without the permission is told so.
 */
export async function requireStaffPage(
  returnTo: string,
  permission?: Permission,
): Promise<{ staff: StaffSession; allowed: boolean }> {
  const staff = await resolveStaffSession(await headers());
  if (!staff) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  // Money-moving roles set up two-factor sign-in before anything else.
  if (staff.twoFactorPending && returnTo !== TWO_FACTOR_PATH) redirect(TWO_FACTOR_PATH);
  return { staff, allowed: !permission || roleHasPermission(staff.role, permission) };
}
