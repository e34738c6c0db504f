import type { PrismaClient } from "../db/client";
import { type ServerEnv, serverEnv } from "../env";
import { logger } from "../observability/logger";
import { clientIp } from "../security/client-ip";
import { consumeRateLimit, type RateLimitDecision } from "../security/rate-limits";
import { describeRetryAfter, tooManyRequests } from "../security/too-many-requests";
import { auditStaffRateLimited } from "./audit-staff-rate-limited";

/** The credentials callback next-auth's sign-in form posts to. */
export function isCredentialsSignIn(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).pathname.endsWith("/callback/credentials");
}

/**
 * Rate limits a sign-in attempt before next-auth sees it: per client address and per email. The
 * email's count applies whether or not an account has it, so a refusal says nothing about who
 * works here. The first refusal in a window for a real account is audited on that account.
 * Returns the 429 to send, or null to go ahead.
 */
export async function throttleSignIn(
  prisma: PrismaClient,
  request: Request,
  env: ServerEnv = serverEnv(),
): Promise<Response | null> {
  const ip = clientIp(request.headers, env.TRUSTED_PROXY_HOPS);
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 320);

  let refusal: (RateLimitDecision & { allowed: false }) | undefined;
  const byIp = await consumeRateLimit("signInPerIp", ip, env);
  if (!byIp.allowed) refusal = byIp;
  else if (email) {
    const byAccount = await consumeRateLimit("signInPerAccount", email, env);
    if (!byAccount.allowed) refusal = byAccount;
    if (!byAccount.allowed && byAccount.firstRefusal) await auditRefusal(prisma, email, ip);
  }
  if (!refusal) return null;

  logger.warn({ clientIp: ip, email, retryAfterSeconds: refusal.retryAfterSeconds }, "sign-in rate limited");
  const message = `Too many sign-in attempts. Try again in ${describeRetryAfter(refusal.retryAfterSeconds)}.`;
  // next-auth's signIn() reads the error from the returned URL's query.
  const url = new URL(`/sign-in?error=${encodeURIComponent(message)}`, request.url).toString();
  return tooManyRequests(refusal.retryAfterSeconds, { url });
}

async function auditRefusal(prisma: PrismaClient, email: string, clientIp: string): Promise<void> {
  const user = await prisma.staffUser.findUnique({ where: { email }, select: { id: true } });
  if (user) await auditStaffRateLimited(prisma, user.id, "sign-in attempts", clientIp);
}
