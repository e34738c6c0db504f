import AxeBuilder from "@axe-core/playwright";
import type { Locator, TestInfo } from "@playwright/test";
import { PERMISSIONS } from "../server/auth/permissions";
import { ORDER_STATES } from "../server/orders/order-states";
import { expect, type Page } from "./fixtures";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Raw values that must never be visible by default: order, payment, refund and dispute enum
 * values, Stripe event names and object ids, PayOps action names and permission keys.
 */
export const RAW_WORDS = new RegExp(
  [
    "requires_payment_method",
    "requires_action",
    "requires_capture",
    "requires_confirmation",
    "pending_payment",
    "payment_failed",
    "partially_refunded",
    "awaiting_approval",
    "needs_response",
    "under_review",
    "warning_needs_response",
    "requested_by_customer",
    "dispute_lost",
    "dispute_won",
    "product_not_received",
    String.raw`payment_intent\.[a-z]`,
    String.raw`charge\.[a-z]`,
    String.raw`refund\.(requested|approved|rejected|issued)`,
    "stripe_event",
    "record_partial_refund",
    "processed: stale",
    String.raw`\bevt_`,
    ...ORDER_STATES.filter((state) => state.includes("_")),
    ...Object.keys(PERMISSIONS).map((permission) => String.raw`\b${escapeRegExp(permission)}\b`),
    String.raw`staff\.signed_in`,
    String.raw`\bnull\b`,
    String.raw`\bundefined\b`,
    String.raw`\bNaN\b`,
  ].join("|"),
);

/** Every WCAG 2.1 A and AA rule axe knows, any impact: none may fail on a named screen. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const report = results.violations
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)
    .join("\n");
  expect(results.violations, `axe on ${page.url()}:\n${report}`).toEqual([]);
}

/** The page declares an icon that loads (a data: URL, or an address that answers 200). */
export async function expectIcon(page: Page): Promise<void> {
  const icon = page.locator('head link[rel~="icon"]').first();
  await expect(icon).toHaveCount(1);
  const href = (await icon.getAttribute("href")) ?? "";
  if (href.startsWith("data:")) return;
  const response = await page.request.get(new URL(href, page.url()).href);
  expect(response.status(), `icon ${href} of ${page.url()}`).toBe(200);
}

/**
 * One screen checked and kept: no raw names in what a person sees (innerText, so closed
 * "Details" stay closed), axe clean, an icon that loads, and a full-page screenshot attached to
 * the test's report and saved in its output folder.
 */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string, region?: Locator): Promise<void> {
  const visible = region ?? page.locator("main");
  await expect(visible).not.toContainText(RAW_WORDS, { useInnerText: true });
  await expectNoAxeViolations(page);
  await expectIcon(page);
  await saveScreenshot(page, testInfo, name);
}

/** A full-page screenshot in the test's output folder, attached to its report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** "Dec 1" from a date, in UTC: how the overview chart's axis writes its days. */
export function chartDayLabel(date: Date): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(date);
}

/**
 * The overview chart at the page's current width: the plot spans most of the card, today's bar
 * sits in the last of thirty day bands, each tick mark over its own day and each date label across
 * its mark.
 */
export async function expectBarsOverTheirDays(chart: Locator, viewportWidth: number): Promise<void> {
  const today = new Date();
  const days = Array.from({ length: 30 }, (_, index) =>
    chartDayLabel(new Date(today.getTime() - (29 - index) * 86_400_000)),
  );
  const todayBar = chart.locator(".recharts-bar-rectangle").last();
  await expect(todayBar).toBeVisible();
  // The chart measures its container after a resize: wait until its plot has the new width.
  const figure = (await chart.boundingBox())!;
  await expect
    .poll(async () => (await chart.locator(".recharts-cartesian-grid").boundingBox())?.width ?? 0)
    .toBeGreaterThan(figure.width * 0.6);
  const plot = (await chart.locator(".recharts-cartesian-grid").boundingBox())!;
  expect(plot.width).toBeGreaterThan(viewportWidth * 0.5);
  const band = plot.width / days.length;
  const bar = (await todayBar.boundingBox())!;
  expect(bar.height).toBeGreaterThan(0);
  expect(Math.abs(bar.x + bar.width / 2 - (plot.x + 29.5 * band))).toBeLessThan(band / 4);
  // Recharts draws the axis labels in a layer of their own, outside the axis group.
  const labels = chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
  const marks = await chart
    .locator(".recharts-xAxis-tick-lines line")
    .evaluateAll((lines) => lines.map((line) => line.getBoundingClientRect().x));
  expect(await labels.count()).toBeGreaterThan(1);
  expect(marks).toHaveLength(await labels.count());
  for (const [position, label] of (await labels.all()).entries()) {
    const text = ((await label.textContent()) ?? "").trim();
    const index = days.indexOf(text);
    expect(index, `axis label "${text}" is one of the thirty days`).toBeGreaterThanOrEqual(0);
    const centre = plot.x + (index + 0.5) * band;
    // The tick mark sits over its day's bar; the label covers the mark (Recharts nudges the last
    // one inwards at narrow widths rather than cut it off at the edge).
    expect(Math.abs(marks[position]! - centre), `tick mark of ${text}`).toBeLessThan(band / 4);
    const box = (await label.boundingBox())!;
    expect(box.x, `label ${text} starts before its day`).toBeLessThanOrEqual(centre);
    expect(box.x + box.width, `label ${text} ends after its day`).toBeGreaterThanOrEqual(centre);
  }
}

/**
 * A table whose headers and values do not run together: in every row, each cell's text ends at
 * least `gap` pixels before the next cell's text starts ("Refunded" and "Last error", not
 * "RefundedLast error").
 */
export async function expectColumnsApart(table: Locator, gap = 8): Promise<void> {
  const touching = await table.locator("tr").evaluateAll((rows, minGap) => {
    // The visible text only: text for screen readers (sr-only, a 1 px clipped box) sits anywhere.
    const textBox = (cell: Element) => {
      let left = Number.POSITIVE_INFINITY;
      let right = Number.NEGATIVE_INFINITY;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent?.trim() || !parent || parent.closest(".sr-only")) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          left = Math.min(left, rect.left);
          right = Math.max(right, rect.right);
        }
      }
      return right > left ? { left, right } : null;
    };
    const found: string[] = [];
    for (const row of rows) {
      const boxes = [...row.children].map((cell) => ({ text: cell.textContent ?? "", box: textBox(cell) }));
      for (let index = 1; index < boxes.length; index++) {
        const left = boxes[index - 1]!;
        const right = boxes[index]!;
        if (left.box && right.box && right.box.left - left.box.right < minGap) {
          found.push(`"${left.text}" | "${right.text}"`);
        }
      }
    }
    return found;
  }, gap);
  expect(touching, "cells whose text runs into the next").toEqual([]);
}

/** Every moment on the page is a <time> with the exact UTC moment on hover. */
export async function expectTimesWithUtc(region: Locator): Promise<void> {
  const times = region.locator("time");
  expect(await times.count()).toBeGreaterThan(0);
  const titles = await times.evaluateAll((elements) => elements.map((element) => element.getAttribute("title") ?? ""));
  for (const title of titles) expect(title).toMatch(/UTC/);
}
