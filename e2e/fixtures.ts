import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

async function assertAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""));
  const report = blocking
    .map(
      (violation) =>
        `- [${violation.impact}] ${violation.id}: ${violation.help}\n` +
        violation.nodes.map((node) => `    at ${node.target.join(" ")}`).join("\n"),
    )
    .join("\n");
  expect(blocking, `Accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
}

/**
 * Every spec's page runs axe on each page it visits: after each goto or reload, on any page reached
 * by a link or redirect before the spec leaves it, and on the last page when the spec ends.
 * Serious and critical violations fail the spec; each checked path is noted as an "axe" annotation.
 */
export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    // Next's router rewrites history on hydration; only a change of address counts as a new page.
    const address = () => {
      const url = new URL(page.url());
      return `${url.pathname}${url.search}`;
    };
    let lastChecked: string | undefined;
    const check = async () => {
      lastChecked = address();
      testInfo.annotations.push({ type: "axe", description: new URL(page.url()).pathname });
      await assertAccessible(page);
    };
    const checkIfUnchecked = async () => {
      if (page.url().startsWith("http") && address() !== lastChecked) await check();
    };

    const goto = page.goto.bind(page);
    page.goto = async (...args: Parameters<Page["goto"]>) => {
      await checkIfUnchecked();
      const response = await goto(...args);
      await check();
      return response;
    };
    const reload = page.reload.bind(page);
    page.reload = async (...args: Parameters<Page["reload"]>) => {
      await checkIfUnchecked();
      const response = await reload(...args);
      await check();
      return response;
    };

    await use(page);
    await checkIfUnchecked();
  },
});

export { expect, type Page };
