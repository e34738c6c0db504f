import { createPrismaClient } from "../server/db/client";
import { postBalanceAvailable } from "../server/ledger/post-balance-available";
import { postPaymentCaptured } from "../server/ledger/post-payment-captured";
import { postRefundCreated } from "../server/ledger/post-refund-created";
import { balanceTransaction, madeAvailable } from "../server/ledger/testing/test-fixtures";
import { formatMoney } from "../server/money";
import { signInAs } from "./back-office-helpers";
import { E2E_DATABASE_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

// Danish kroner: no other spec posts in them, so the figures below are this spec's alone.
const CURRENCY = "dkk";
const DAY = "2026-03-15";
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Each account's net balance on its side, summed per side: the trial balance's totals, from the raw lines. */
async function expectedTotals(prisma: ReturnType<typeof createPrismaClient>, through: string) {
  const [row] = await prisma.$queryRaw<{ debits: bigint; credits: bigint }[]>`
    SELECT coalesce(sum(net) FILTER (WHERE net > 0), 0)::bigint AS debits,
           coalesce(-sum(net) FILTER (WHERE net < 0), 0)::bigint AS credits
      FROM (SELECT sum(CASE WHEN direction = 'debit' THEN amount_minor ELSE -amount_minor END) AS net
              FROM ledger_lines WHERE currency = 'DKK' AND occurred_at <= ${through}::timestamptz
             GROUP BY account_code) accounts`;
  return row!;
}

test("finance reads the trial balance of a currency at the end of a day, balanced, in words", async ({ page }) => {
  const prisma = createPrismaClient(process.env.E2E_DATABASE_URL ?? E2E_DATABASE_URL);
  let totals: { debits: bigint; credits: bigint };
  try {
    const charge = balanceTransaction({
      amount: 50_000,
      fee: 1_480,
      type: "charge",
      reporting_category: "charge",
      currency: CURRENCY,
      created: seconds(`${DAY}T09:00:00Z`),
      available_on: seconds(`${DAY}T12:00:00Z`),
      status: "pending",
    });
    await prisma.$transaction((tx) => postPaymentCaptured(tx, { balanceTransaction: charge }));
    await prisma.$transaction((tx) => postBalanceAvailable(tx, { balanceTransaction: madeAvailable(charge) }));
    // The next day's refund is after the day asked for: it must not count.
    const refund = balanceTransaction({
      amount: -20_000,
      type: "refund",
      reporting_category: "refund",
      currency: CURRENCY,
      created: seconds("2026-03-16T08:00:00Z"),
    });
    await prisma.$transaction((tx) => postRefundCreated(tx, { balanceTransaction: refund }));
    totals = await expectedTotals(prisma, `${DAY}T23:59:59.999Z`);
  } finally {
    await prisma.$disconnect();
  }
  expect(totals.debits).toBe(totals.credits);

  await signInAs(page, "finance", "/dashboard");
  await page.getByRole("navigation").getByRole("link", { name: "Trial balance" }).click();
  await expect(page.getByRole("heading", { name: "Trial balance", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Choose a trial balance" });
  await form.getByLabel("Currency").selectOption("DKK");
  await form.getByLabel("At the end of (UTC, empty for now)").fill(DAY);
  await form.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/dashboard\/ledger\?currency=DKK&on=2026-03-15$/);
  await expect(page.getByRole("heading", { name: `DKK, at the end of ${DAY} (UTC)` })).toBeVisible();

  const table = page.getByRole("table", { name: "Trial balance in DKK" });
  const total = table.locator("tfoot tr");
  await expect(total).toContainText(formatMoney(totals.debits, "DKK"));
  await expect(page.getByTestId("trial-balance-verdict")).toHaveText(
    `Balanced: debits equal credits, ${formatMoney(totals.debits, "DKK")} each.`,
  );
  // Accounts by number and name, amounts as money; the refund of the next day is not in it.
  const revenue = table.getByRole("row").filter({ hasText: "Sales revenue" });
  await expect(revenue).toContainText("4000");
  await expect(revenue).toContainText(formatMoney(50_000, "DKK"));
  await expect(table.getByRole("row").filter({ hasText: "Refunds" })).not.toContainText(formatMoney(20_000, "DKK"));

  // A view that is not a currency and a day is refused in words, and the current one shown instead.
  await page.goto("/dashboard/ledger?currency=kroner&on=2026-02-31");
  await expect(page.getByText(/That view could not be shown \(expected a three-letter currency code/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /, now$/ })).toBeVisible();
});

test("support is told who can read the trial balance, in words", async ({ page }) => {
  await signInAs(page, "support", "/dashboard/ledger");
  await expect(page.getByText(/trial balance/i).first()).toBeVisible();
  await expect(page.getByText("ledger.read")).toHaveCount(0);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Trial balance" })).toHaveCount(0);
});
