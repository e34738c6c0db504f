import type { StaffRole } from "../db/generated/enums";

export type StaffSession = { userId: string; email: string; name: string; role: StaffRole };

/**
 * The staff member behind a request. Staff sign-in is not wired yet, so every request is
 * treated as signed out and staff-only procedures answer UNAUTHORIZED.
 */
export async function resolveStaffSession(_headers: Headers): Promise<StaffSession | null> {
  return null;
}
