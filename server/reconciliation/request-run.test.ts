import { afterEach, describe, expect, it } from "vitest";
import { setJobEventSink } from "../jobs/emit";
import type { JobEvent } from "../jobs/job-events";
import { requestReconciliationRun } from "./request-run";

const sent: JobEvent[] = [];
const listen = () => setJobEventSink(async (events) => void sent.push(...events));
const now = new Date("2026-12-01T15:00:00Z");

afterEach(() => {
  setJobEventSink(undefined);
  sent.length = 0;
});

describe("a run asked for from the back office", () => {
  it("hands the executor the window from the first day's start to the end of the last, as the back office's", async () => {
    listen();
    expect(await requestReconciliationRun({ firstDay: "2026-11-01", lastDay: "2026-11-30", now })).toEqual({
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-12-01T00:00:00Z"),
    });
    expect(sent.map((event) => [event.name, event.data])).toEqual([
      [
        "reconciliation/run.requested",
        { from: "2026-11-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z", trigger: "back_office" },
      ],
    ]);
  });

  it("refuses a window backwards, too long or in the future, with the reason, and asks for nothing", async () => {
    listen();
    await expect(
      requestReconciliationRun({ firstDay: "2026-11-02", lastDay: "2026-11-01", now }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: /must not be before the first day/ });
    await expect(
      requestReconciliationRun({ firstDay: "2026-01-01", lastDay: "2026-11-30", now }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: /at most 93 days/ });
    await expect(
      requestReconciliationRun({ firstDay: "2026-12-02", lastDay: "2026-12-03", now }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: /starts in the future/ });
    expect(sent).toEqual([]);
  });
});
