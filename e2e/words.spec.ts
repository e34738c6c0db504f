import type { Page, TestInfo } from "@playwright/test";
import { developmentStaff } from "./back-office-helpers";
import { expect, test } from "./fixtures";
import { paidOrderInShop, signInFrom } from "./refunds-helpers";

/** Raw values that must never show by default: enum values, Stripe event names, permission keys. */
const RAW =
  /requires_payment_method|requires_action|requires_capture|pending_payment|partially_refunded|awaiting_approval|payment_intent\.|charge\.|stripe_event|record_partial_refund|orders\.read|audit\.read|refunds\.approve|staff\.signed_in/;

async function screen(page: Page, testInfo: TestInfo, name: string) {
  await expect(page.locator("main")).not.toContainText(RAW, { useInnerText: true });
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

const dayLabel = (date: Date) =>
  new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(date);

test("finance reads the back office in words, and the chart's bars sit over their days at every width", async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const { orderId } = await paidOrderInShop(browser, [["linen-tea-towel", 1]]);
  await signInFrom(page, "/dashboard", developmentStaff("finance"));
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  // The thirty UTC days ending today, as the axis writes them.
  const today = new Date();
  const days = Array.from({ length: 30 }, (_, index) =>
    dayLabel(new Date(today.getTime() - (29 - index) * 86_400_000)),
  );
  const chart = page.getByTestId("daily-volume-USD");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const todayBar = chart.locator(".recharts-bar-rectangle").last();
    await expect(todayBar).toBeVisible();
    await page.waitForTimeout(300); // the chart re-measures its container after a resize
    const plot = (await chart.locator(".recharts-cartesian-grid").boundingBox())!;
    const band = plot.width / days.length;
    expect(plot.width).toBeGreaterThan(width * 0.5);
    const bar = (await todayBar.boundingBox())!;
    expect(Math.abs(bar.x + bar.width / 2 - (plot.x + 29.5 * band))).toBeLessThan(band / 4);
    const ticks = chart.locator(".recharts-xAxis .recharts-cartesian-axis-tick-value");
    expect(await ticks.count()).toBeGreaterThan(1);
    for (const tick of await ticks.all()) {
      const index = days.indexOf((await tick.textContent()) ?? "");
      expect(index).toBeGreaterThanOrEqual(0);
      const box = (await tick.boundingBox())!;
      expect(Math.abs(box.x + box.width / 2 - (plot.x + (index + 0.5) * band))).toBeLessThan(band / 2);
    }
    await screen(page, testInfo, `overview-${width}px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await chart.getByText("Show as a table").click();
  await expect(chart.getByRole("table")).toContainText(days[29]!);

  await page.goto("/dashboard/orders");
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await screen(page, testInfo, "orders");

  await page.goto(`/dashboard/orders/${orderId}`);
  await expect(page.getByTestId("payments-table")).toContainText("Visa •••• 4242");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Payment succeeded");
  await screen(page, testInfo, "order");

  await page.goto("/dashboard/audit");
  await expect(page.getByRole("cell", { name: "Signed in", exact: true }).first()).toBeVisible();
  await screen(page, testInfo, "audit-log");

  await page.goto("/dashboard/disputes");
  await screen(page, testInfo, "disputes");
});
