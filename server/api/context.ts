import "server-only";
import { TRPCError } from "@trpc/server";
import type { StaffSession } from "../auth/staff-session";
import { resolveStaffSession } from "../auth/staff-session";
import { databaseUnavailableError, isDatabaseUnavailable } from "../db/database-unavailable";
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
    staff: await resolveStaffSession(options.headers).catch((error: unknown) => {
      // Checking the session needs the database: while it is away the call is a 503, not a 500.
      if (!isDatabaseUnavailable(error)) throw error;
      const cause = databaseUnavailableError();
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: cause.message, cause });
    }),
    headers: options.headers,
  };
}
