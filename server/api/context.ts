import "server-only";
import type { StaffSession } from "../auth/staff-session";
import { resolveStaffSession } from "../auth/staff-session";
import { requestIdFrom } from "../observability/client-error";

export type ApiContext = {
  requestId: string;
  /** The signed-in staff member, or null for customers and signed-out visitors. */
  staff: StaffSession | null;
  headers: Headers;
};

export async function createApiContext(options: { headers: Headers; requestId?: string }): Promise<ApiContext> {
  return {
    requestId: options.requestId ?? requestIdFrom(options.headers),
    staff: await resolveStaffSession(options.headers),
    headers: options.headers,
  };
}
