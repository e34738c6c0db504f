import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { developmentStaff } from "./back-office-helpers";
import { CARDS, continueToPayment, expectOrderStatus, payByCard, startCheckout, uniqueEmail } from "./checkout-helpers";
import { E2E_BASE_URL, E2E_SIGN_IN_LIMIT_PER_IP } from "./e2e-env";
import { expect, type Page, test } from "./fixtures";

/** Collects every CSP violation the page reports, from the browser's own event. */
async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const directive = (csp: string, name: string) => csp.split("; ").find((part) => part.startsWith(`${name} `)) ?? "";

test("the checkout's CSP admits the Payment Element, and the sandbox card form pays under it", async ({ page }) => {
  test.slow();
  const violations = await recordCspViolations(page);
  const email = uniqueEmail("csp");
  await startCheckout(page, { email, lines: [["stoneware-mug", 1]] });

  const response = await page.request.get("/checkout");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(directive(csp, "script-src")).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(directive(csp, "script-src")).toContain("https://js.stripe.com");
  expect(directive(csp, "frame-src")).toContain("https://js.stripe.com");
  expect(directive(csp, "frame-src")).toContain("https://hooks.stripe.com");
  expect(directive(csp, "connect-src")).toContain("https://api.stripe.com");
  // The nonce is fresh per response.
  const again = (await page.request.get("/checkout")).headers()["content-security-policy"] ?? "";
  expect(directive(again, "script-src")).not.toBe(directive(csp, "script-src"));

  await continueToPayment(page);
  await payByCard(page, CARDS.ok);
  await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9_-]{32}$/);
  await expectOrderStatus(page, "Paid");
  expect(violations).toEqual([]);
});

test("a page on another site cannot frame the back office", async ({ page }) => {
  // Another origin on this machine (a port of its own) whose page frames /dashboard.
  const attacker = createServer((_request, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<!doctype html><html lang="en"><title>Elsewhere</title><main><h1>Elsewhere</h1>
      <iframe title="framed back office" src="${E2E_BASE_URL}/dashboard"></iframe></main></html>`);
  });
  attacker.listen(0, "127.0.0.1");
  await once(attacker, "listening");
  const framed: { url: string; frameAncestors: string }[] = [];
  page.on("response", (response) => {
    if (response.url().startsWith(E2E_BASE_URL)) {
      const csp = response.headers()["content-security-policy"] ?? "";
      framed.push({ url: response.url(), frameAncestors: directive(csp, "frame-ancestors") });
    }
  });
  try {
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await page.waitForLoadState("load");
    // PayOps answered the frame's request, with a policy that forbids framing…
    expect(framed.length).toBeGreaterThan(0);
    for (const answer of framed) expect(answer.frameAncestors, answer.url).toBe("frame-ancestors 'none'");
    // …and the browser refused to show it: no PayOps page inside the frame.
    await expect(page.getByRole("heading", { name: "Elsewhere" })).toBeVisible();
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "PayOps back office" })).toHaveCount(0);
    await expect(page.frameLocator("iframe").getByLabel("Email")).toHaveCount(0);
  } finally {
    attacker.close();
  }
});

test("every response carries the security headers; staff pages are never cached", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  expect((await request.get("/sign-in")).headers()["cache-control"]).toContain("no-store");
  expect((await request.get("/dashboard", { maxRedirects: 0 })).headers()["cache-control"]).toContain("no-store");
});

test("a cross-site POST to the API is refused before it reaches a procedure", async ({ request }) => {
  const forged = await request.post("/api/trpc/session.signOutEverywhere", {
    headers: { origin: "https://attacker.test", "content-type": "application/json" },
    data: {},
  });
  expect(forged.status()).toBe(403);
  const signIn = await request.post("/api/auth/callback/credentials", {
    headers: { origin: "https://attacker.test" },
    form: { ...developmentStaff("admin"), csrfToken: "x" },
  });
  expect(signIn.status()).toBe(403);
});

test("a burst of 100 sign-ins from one address gets 429 with Retry-After after the limit", async ({ request }) => {
  // The run trusts one proxy hop (playwright.config.ts), so this burst speaks for its own address.
  const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, index) =>
      request.post("/api/auth/callback/credentials", {
        headers: { "x-forwarded-for": address },
        form: { email: `burst-${index}@example.test`, password: "guess", csrfToken: "x" },
        maxRedirects: 0,
      }),
    ),
  );
  const limited = answers.filter((answer) => answer.status() === 429);
  expect(limited.length).toBe(100 - E2E_SIGN_IN_LIMIT_PER_IP);
  expect(Number(limited[0]!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(answers.filter((answer) => answer.status() >= 500)).toEqual([]);
});
