import { currentTotpCode } from "../server/auth/totp-codes";
import { createStaffUser, signIn } from "./back-office-helpers";
import { expect, test } from "./fixtures";

test("finance sets up two-factor sign-in on first sign-in, then signs in with a code from the app", async ({
  page,
}) => {
  const password = "a-long-enough-password-1";
  const email = await createStaffUser("finance", password);
  await page.goto("/dashboard/audit");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(page, { email, password });
  await expect(page).toHaveURL(/\/dashboard\/two-factor$/);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();

  await page.getByRole("button", { name: "Set up the authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-key").textContent())!.trim();
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code does not match")).toBeVisible();
  await page.getByLabel("Code from the app").fill(await currentTotpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const recoveryCode = (await page.getByTestId("recovery-codes").getByRole("listitem").first().textContent())!;
  await page.getByRole("link", { name: "Continue to the back office" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  // Next sign-in: the password alone is not enough.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, { email, password });
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.reload();
  await signIn(page, { email, password, totpSecret: secret });
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  // A recovery code stands in for the app, once.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill(recoveryCode);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});
