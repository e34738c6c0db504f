import type { PrismaClient } from "../db/client";
import { UUID_PATTERN } from "../validation/storable-input";

/** The claims of a staff session token that sign-out needs. */
export type SessionTokenClaims = { sub?: unknown; sessionId?: unknown };

/**
 * Ends one signed-in session on the server: signing out only deletes the browser's cookie, and a
 * copy of that cookie would stay valid until it expires. Its session id is recorded as revoked,
 * and resolveStaffSession refuses it from the next request on. Safe to repeat.
 */
export async function revokeStaffSession(prisma: PrismaClient, token: SessionTokenClaims): Promise<boolean> {
  const { sub, sessionId } = token;
  if (typeof sessionId !== "string" || !UUID_PATTERN.test(sessionId) || typeof sub !== "string") return false;
  await prisma.revokedStaffSession.createMany({ data: [{ sessionId, staffUserId: sub }], skipDuplicates: true });
  return true;
}
