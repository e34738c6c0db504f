import { formatRate, type Rate } from "../server/observability/health/rate";
import { isHandledEventType } from "../server/webhooks/handled-event-types";
import { type ApiPayment, payThroughApi, sandboxStripe, sql } from "./api-checkout-helpers";
import { signInAs } from "./back-office-helpers";
import { expect, type Page, test } from "./fixtures";

// Pausing processing holds every Stripe event PayOps receives, so this spec shares a Playwright
// project with the Prometheus spec that runs one file at a time once the other specs are done
// (playwright.config.ts), and it always resumes before it ends.
const CURRENCY = "JPY";
// Card payments and declines the test makes, in this order; what the report shows is computed
// from the orders PayOps stored for them, not from this list.
const PAYMENT_METHODS = [
  "pm_card_visa",
  "pm_card_chargeDeclined",
  "pm_card_visa",
  "pm_card_visa",
  "pm_card_chargeDeclined",
];

const CHANGE_PAUSE = "/api/trpc/operations.setProcessingPaused";

async function setPausedOnOperationsPage(page: Page, paused: boolean): Promise<void> {
  await page.goto("/dashboard/operations");
  page.once(
    "dialog",
    (dialog) => void dialog.accept(paused ? "Health page check: hold events" : "Health page check done"),
  );
  await page.getByRole("button", { name: paused ? "Pause processing" : "Resume processing" }).click();
  const section = page.getByRole("region", { name: "Processing of Stripe events" });
  await expect(section).toContainText(paused ? "Paused since" : "Running: each event is applied as soon as it arrives");
}

/** The "Stripe events waiting" figure and the backlog chart's latest period, as the page shows them now. */
async function backlogShown(page: Page): Promise<{ now: number; chartLatest: number }> {
  await page.goto("/dashboard/health");
  const now = Number(await page.getByTestId("inbox-backlog").textContent());
  const chart = page.getByTestId("chart-inbox-backlog");
  await chart.getByText("Show as a table").click();
  const latest = chart.getByRole("row").last().getByRole("cell").last();
  return { now, chartLatest: Number(await latest.textContent()) };
}

/** The payments report's authorisation cell for the currency: "60.0% (3 of 5)", or none yet. */
async function authorisationShown(page: Page): Promise<{ text: string; rate: Rate } | null> {
  await page.goto("/dashboard/health");
  const row = page
    .getByTestId("payments-report-row")
    .filter({ has: page.getByRole("cell", { name: CURRENCY, exact: true }) });
  if ((await row.count()) === 0) return null;
  const headers = await page.getByTestId("payments-report").getByRole("columnheader").allTextContents();
  const cell = row.getByRole("cell").nth(headers.indexOf("Authorisation rate"));
  const text = ((await cell.textContent()) ?? "").replace(/\s+/g, " ").trim();
  const counts = /\((\d+) of (\d+)\)$/.exec(text);
  if (!counts) throw new Error(`Unexpected authorisation cell: ${text}`);
  return { text, rate: { count: Number(counts[1]), of: Number(counts[2]) } };
}

/** Events the sandbox sent about these payments of the types PayOps processes (others are stored as done). */
async function handledEventsSent(payments: ApiPayment[]): Promise<number> {
  const ids = new Set(payments.map((payment) => payment.paymentIntentId));
  const events = await sandboxStripe.events.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  return events.filter((event) => {
    const object = event.data.object as { id?: string; payment_intent?: string };
    return isHandledEventType(event.type) && (ids.has(object.id ?? "") || ids.has(object.payment_intent ?? ""));
  }).length;
}

/** Of those, the ones PayOps stored and has not processed. */
async function waitingInInbox(payments: ApiPayment[]): Promise<number> {
  const ids = payments.map((payment) => payment.paymentIntentId);
  const [row] = await sql<{ count: number }>(
    `SELECT count(*)::int AS count FROM stripe_events
      WHERE processed_at IS NULL AND dead_at IS NULL
        AND (payload->'data'->'object'->>'id' = ANY($1) OR payload->'data'->'object'->>'payment_intent' = ANY($1))`,
    [ids],
  );
  return row?.count ?? 0;
}

async function orderStatuses(payments: ApiPayment[]): Promise<string[]> {
  const rows = await sql<{ status: string }>(
    "SELECT o.status FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = ANY($1)",
    [payments.map((payment) => payment.email)],
  );
  return rows.map((row) => row.status).sort();
}

test("the Health page shows the backlog rise while processing is paused and fall on resume, and the authorisation rate of the orders paid", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAs(page, "admin", "/dashboard/operations");
  let paused = false;
  try {
    paused = true;
    await setPausedOnOperationsPage(page, true);
    const baseline = await backlogShown(page);
    const before = (await authorisationShown(page))?.rate ?? { count: 0, of: 0 };

    const payments: ApiPayment[] = [];
    for (const paymentMethod of PAYMENT_METHODS) {
      payments.push(await payThroughApi({ slug: "stoneware-mug", currency: CURRENCY, paymentMethod, label: "health" }));
    }
    expect(payments.map((payment) => payment.declined)).toEqual(
      PAYMENT_METHODS.map((method) => method === "pm_card_chargeDeclined"),
    );

    // Every event the sandbox sent about them is stored and waits.
    let held = 0;
    await expect
      .poll(
        async () => {
          held = await handledEventsSent(payments);
          return held > 0 && (await waitingInInbox(payments)) === held;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(held).toBeGreaterThanOrEqual(payments.length);
    await expect(async () => {
      const shown = await backlogShown(page);
      expect(shown.now).toBeGreaterThanOrEqual(baseline.now + held);
      expect(shown.chartLatest).toBeGreaterThanOrEqual(baseline.chartLatest + held);
    }).toPass({ timeout: 30_000 });
    // Nothing of them is applied yet: the report has not moved.
    expect((await authorisationShown(page))?.rate ?? { count: 0, of: 0 }).toEqual(before);

    await setPausedOnOperationsPage(page, false);
    paused = false;
    await expect.poll(() => waitingInInbox(payments), { timeout: 60_000 }).toBe(0);
    await expect(async () => {
      const shown = await backlogShown(page);
      expect(shown.now).toBeLessThanOrEqual(baseline.now);
      expect(shown.chartLatest).toBeLessThanOrEqual(baseline.chartLatest);
    }).toPass({ timeout: 30_000 });

    // The rate from the orders as PayOps stored them: paid ones were authorised, failed ones declined.
    await expect
      .poll(
        async () => (await orderStatuses(payments)).every((status) => status === "paid" || status === "payment_failed"),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    const statuses = await orderStatuses(payments);
    const authorised = statuses.filter((status) => status === "paid").length;
    expect(authorised).toBe(payments.filter((payment) => !payment.declined).length);
    const expected: Rate = { count: before.count + authorised, of: before.of + statuses.length };
    await expect
      .poll(async () => (await authorisationShown(page))?.text, { timeout: 30_000 })
      .toBe(`${formatRate(expected)} (${expected.count} of ${expected.of})`);
  } finally {
    // A failed step must not leave every later event held.
    if (paused) {
      await page.request.post(CHANGE_PAUSE, {
        data: { json: { paused: false, reason: "Health page check ended" } },
      });
    }
  }
});
