import { signInAs } from "./back-office-helpers";
import { expect, test } from "./fixtures";

test("signing out revokes the session on the server: a copy of the old cookie no longer opens the back office", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAs(page, "support");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const stolen = (await page.context().cookies()).filter((cookie) => cookie.name.includes("session-token"));
  expect(stolen).toHaveLength(1);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Someone who copied the cookie before sign-out replays it in a browser of their own.
  const replay = await browser.newContext({ baseURL });
  await replay.addCookies(stolen);
  const elsewhere = await replay.newPage();
  await elsewhere.goto("/dashboard");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  const me = await elsewhere.request.get("/api/trpc/session.me");
  expect(me.status()).toBe(401);
  await replay.close();
});
