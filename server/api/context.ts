import "server-only";
import { randomUUID } from "node:crypto";
import type { StaffSession } from "../auth/staff-session";
import { resolveStaffSession } from "../auth/staff-session";

export type ApiContext = {
  requestId: string;
  /** The signed-in staff member, or null for customers and signed-out visitors. */
  staff: StaffSession | null;
  headers: Headers;
};

export async function createApiContext(options: { headers: Headers }): Promise<ApiContext> {
  return {
    requestId: options.headers.get("x-request-id") ?? randomUUID(),
    staff: await resolveStaffSession(options.headers),
    headers: options.headers,
  };
}
