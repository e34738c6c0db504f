import { postMonthOfActivity } from "../server/accounting/testing/post-month-of-activity";
import { createPrismaClient } from "../server/db/client";
import { signInAs } from "./back-office-helpers";
import { E2E_DATABASE_URL, E2E_XERO_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

type StoredXeroJournal = { ManualJournalID: string; Narration: string };

async function xeroJournals(): Promise<StoredXeroJournal[]> {
  const response = await fetch(`${E2E_XERO_URL}/_control/journals`);
  return ((await response.json()) as { journals: StoredXeroJournal[] }).journals;
}

async function xeroFaults(faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${E2E_XERO_URL}/_control/faults`, { method: "POST", body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

test("an admin connects Xero through its consent flow, maps accounts, syncs, and retries the journal Xero refused", async ({
  page,
}) => {
  test.setTimeout(240_000);
  // January 2026 in the ledger: payments, refunds, a lost dispute, fees and three paid payouts.
  // Summary mode journals only days before today, so the other specs' activity today adds none.
  const prisma = createPrismaClient(process.env.E2E_DATABASE_URL ?? E2E_DATABASE_URL);
  try {
    await postMonthOfActivity(prisma);
  } finally {
    await prisma.$disconnect();
  }
  // Xero refuses the first journal it is sent (a locked period), as a bookkeeper's lock would.
  await xeroFaults({ rejectJournals: 1 });

  await signInAs(page, "admin", "/dashboard/accounting");
  await expect(page.getByRole("heading", { name: "Accounting", level: 1 })).toBeVisible();
  const connect = page.getByRole("group", { name: "Connect Xero" });
  await connect.getByLabel("Journals sent to Xero").selectOption("summary");
  await connect.getByRole("link", { name: "Connect Xero" }).click();

  // Xero's consent page sends the admin back with the code; PayOps lands on the mapping to confirm.
  await expect(page).toHaveURL(/\/dashboard\/accounting\/[0-9a-f-]{36}\/mapping\?connected=1$/, { timeout: 30_000 });
  await expect(page.getByText("Xero is connected.")).toBeVisible();
  const connectionId = /accounting\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  const mapping = page.getByRole("form", { name: "Account mapping" });
  // Each row: the PayOps account, its account at Xero (every row offers Xero's whole chart), the check.
  const account = (name: string) => page.getByRole("combobox", { name: `Account for ${name}` });
  const row = (name: string) => mapping.getByRole("row").filter({ has: account(name) });
  await expect(account("4000 Sales revenue")).toHaveValue("4000");
  await expect(row("4000 Sales revenue")).toContainText("Same code: please confirm");
  const fees = row("6010 Stripe processing fees");
  await expect(account("6010 Stripe processing fees")).toHaveValue("");
  await expect(fees).toContainText("Not mapped: a sync stops");
  // The archived account is not offered.
  await expect(account("6010 Stripe processing fees").locator("option", { hasText: "Old merchant fees" })).toHaveCount(
    0,
  );
  await account("6010 Stripe processing fees").selectOption("404");
  await mapping.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByText(/Mapping saved: \d+ accounts mapped\./)).toBeVisible();
  await expect(fees).toContainText("Chosen by hand");

  await page.getByRole("link", { name: "Journals of this connection" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/accounting/${connectionId}$`));
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText("Sync started.")).toBeVisible();

  // The list refreshes itself: every journal ends sent, except the one Xero refused.
  const rows = page.getByTestId("journal-row");
  const inState = (state: string) => rows.filter({ has: page.getByText(state, { exact: true }) });
  const failed = inState("Failed");
  await expect(failed).toHaveCount(1, { timeout: 90_000 });
  await expect(failed).toContainText("is locked for editing");
  await expect(inState("Waiting to be sent")).toHaveCount(0, { timeout: 90_000 });
  const sentRows = inState("Sent");
  const stored = await xeroJournals();
  expect(stored.length).toBeGreaterThanOrEqual(3);
  await expect(sentRows).toHaveCount(stored.length);
  for (const journal of stored) await expect(sentRows.filter({ hasText: journal.ManualJournalID })).toHaveCount(1);

  // Retried from the screen, the refused journal is sent once, with its id from Xero.
  const reference = (await failed.getByRole("link").locator(".font-mono").textContent())!.trim();
  await failed.getByRole("button", { name: `Retry journal ${reference}` }).click();
  const retried = rows.filter({ hasText: reference });
  await expect(retried.getByText("Sent", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(inState("Failed")).toHaveCount(0);
  const after = await xeroJournals();
  expect(after).toHaveLength(stored.length + 1);
  const added = after.find((journal) => !stored.some((s) => s.ManualJournalID === journal.ManualJournalID))!;
  expect(added.Narration).toContain(`[${reference}]`);
  await expect(retried).toContainText(added.ManualJournalID);
  // Every journal is at Xero exactly once.
  expect(new Set(after.map((journal) => journal.Narration)).size).toBe(after.length);

  // The auditor sees exactly what was sent.
  await retried.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { name: `Journal ${reference}` })).toBeVisible();
  const payload = page.getByTestId("journal-payload");
  await expect(payload).toContainText(`"Narration": "${added.Narration}"`);
  await expect(payload).toContainText('"LineAmount"');
  await expect(page.getByText(added.ManualJournalID)).toBeVisible();
});
