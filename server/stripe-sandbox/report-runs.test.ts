import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTypes, type Harness, startHarness } from "./testing/harness";

describe("Reporting API: report runs, their event and file", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { timing: { chargeBalanceTransactionDelayMs: 0 } } });
  });
  afterAll(() => h.stop());

  it("runs balance_change_from_activity.itemized.3 into a CSV with Stripe's columns and decimal amounts", async () => {
    const start = Math.floor(Date.now() / 1000) - 60;
    await h.stripe.paymentIntents.create({
      amount: 12_345,
      currency: "eur",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    await h.stripe.paymentIntents.create({
      amount: 5_000,
      currency: "jpy",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const created = await h.stripe.reporting.reportRuns.create({
      report_type: "balance_change_from_activity.itemized.3",
      parameters: { interval_start: start, interval_end: start + 3600 },
    });
    expect(created).toMatchObject({ object: "reporting.report_run", status: "pending", result: null });
    expect(created.id).toMatch(/^frr_/);
    await h.receiver.waitFor(() => eventTypes(h, created.id).includes("reporting.report_run.succeeded"));
    const run = await h.stripe.reporting.reportRuns.retrieve(created.id);
    expect(run).toMatchObject({
      status: "succeeded",
      result: { object: "file", purpose: "finance_report_run", type: "csv" },
    });
    const response = await fetch(run.result!.url!, { headers: { Authorization: "Bearer sk_test_harness" } });
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = (await response.text()).trim().split("\n");
    expect(header).toBe(
      "balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,source_id,description",
    );
    const eur = rows.find((row) => row.includes(",eur,"))!.split(",");
    expect(eur.slice(3, 8)).toEqual(["eur", "123.45", "3.88", "119.57", "charge"]);
    expect(eur[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const jpy = rows.find((row) => row.includes(",jpy,"))!.split(",");
    expect(jpy.slice(3, 7)).toEqual(["jpy", "5000", "175", "4825"]);
  });

  it("refuses what Stripe refuses: no key for the file, an unknown file or report type, a reversed interval", async () => {
    const run = await h.stripe.reporting.reportRuns.create({
      report_type: "payout_reconciliation.itemized.5",
      parameters: { interval_start: 0, interval_end: 10 },
    });
    let done = run;
    while (done.status === "pending") done = await h.stripe.reporting.reportRuns.retrieve(run.id);
    expect((await fetch(done.result!.url!)).status).toBe(401);
    expect(
      (await fetch(`${h.sandbox.url}/v1/files/file_nope/contents`, { headers: { Authorization: "Bearer sk_test_x" } }))
        .status,
    ).toBe(404);
    await expect(
      h.stripe.reporting.reportRuns.create({
        report_type: "nope.1",
        parameters: { interval_start: 0, interval_end: 1 },
      }),
    ).rejects.toThrow(/Unknown report type/);
    await expect(
      h.stripe.reporting.reportRuns.create({
        report_type: "payout_reconciliation.itemized.5",
        parameters: { interval_start: 10, interval_end: 1 },
      }),
    ).rejects.toThrow(/must be before/);
  });
});
