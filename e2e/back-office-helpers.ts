import { hashPassword } from "../server/auth/password";
import { DEVELOPMENT_STAFF } from "../server/auth/seed-staff";
import { SIGN_IN_REFUSED } from "../server/auth/sign-in-messages";
import { currentTotpCode } from "../server/auth/totp-codes";
import { createPrismaClient } from "../server/db/client";
import type { StaffRole } from "../server/db/generated/enums";
import { seedOrders } from "../server/orders-workspace/seed-orders";
import { E2E_DATABASE_URL } from "./e2e-env";
import { expect, type Page } from "./fixtures";

// The launcher's embedded database for the run (see playwright.config.ts).
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? E2E_DATABASE_URL;

async function withPrisma<T>(work: (prisma: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const prisma = createPrismaClient(DATABASE_URL);
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

export function uniqueStaffEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Orders for one customer, made by the same seed function `npm run seed:orders` uses. */
export async function seedCustomerOrders(email: string, count = 1): Promise<void> {
  await withPrisma((prisma) => seedOrders(prisma, { count, customerEmail: email, daysBack: 1 }));
}

/** A staff account of its own, so a spec that locks it out never disturbs another spec. */
export async function createStaffUser(role: StaffRole, password: string): Promise<string> {
  const email = uniqueStaffEmail(role);
  const passwordHash = await hashPassword(password);
  await withPrisma((prisma) => prisma.staffUser.create({ data: { email, name: `E2E ${role}`, role, passwordHash } }));
  return email;
}

export type StaffCredentials = { email: string; password: string; totpSecret?: string };

export function developmentStaff(role: StaffRole): StaffCredentials {
  const member = DEVELOPMENT_STAFF.find((candidate) => candidate.role === role);
  if (!member) throw new Error(`No development account with role ${role}`);
  return member;
}

/** The next code the server has not seen yet: a code is accepted once, and specs sign in in parallel. */
async function unusedTotpCode(email: string, secret: string): Promise<string> {
  const lastStep = await withPrisma(async (prisma) => {
    const user = await prisma.staffUser.findUnique({ where: { email }, select: { totpLastStep: true } });
    return user?.totpLastStep ?? null;
  });
  const step = () => Math.floor(Date.now() / 30_000);
  while (lastStep !== null && step() <= lastStep) await new Promise((resolve) => setTimeout(resolve, 500));
  return currentTotpCode(secret);
}

/**
 * Signs in on the sign-in page. With a two-factor key (the development accounts of money-moving
 * roles have one), answers the code prompt as an authenticator app would.
 */
export async function signIn(page: Page, credentials: StaffCredentials): Promise<void> {
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!credentials.totpSecret) return;
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeVisible();
  for (let attempt = 1; ; attempt++) {
    await code.fill(await unusedTotpCode(credentials.email, credentials.totpSecret));
    await page.getByRole("button", { name: "Sign in" }).click();
    // Another spec may have used the same step a moment before us: try the next one, once.
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith("/sign-in")).then(() => "in" as const),
      page
        .getByRole("alert")
        .filter({ hasText: SIGN_IN_REFUSED })
        .waitFor()
        .then(() => "refused" as const),
    ]);
    if (outcome === "in" || attempt === 2) return;
  }
}

export async function signInAs(page: Page, role: StaffRole, path = "/dashboard"): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(page, developmentStaff(role));
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}
