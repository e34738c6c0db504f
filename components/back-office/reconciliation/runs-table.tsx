import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import {
  runSourceLabel,
  runStageLabel,
  runStatusLabel,
  runTriggerLabel,
} from "@/server/reconciliation/reconciliation-labels";

export type RunRow = {
  id: string;
  windowFrom: Date;
  windowTo: Date;
  source: string;
  trigger: string;
  status: string;
  stage: string;
  rowsRead: number;
  breaks: number;
  timing: number;
  startedAt: Date;
  durationMs: number | null;
  error: string | null;
};

/** A run's stages in order: the bar fills by stage, the rows read under it count up as batches land. */
const STAGE_STEPS = ["reading_stripe", "reading_payouts", "matching"];

const COLUMNS: TableColumn<RunRow>[] = [
  { id: "started", header: "Started", cell: (run) => <DateTime value={run.startedAt} /> },
  {
    id: "window",
    header: "Window",
    cell: (run) => (
      <>
        <DateTime value={run.windowFrom} /> – <DateTime value={run.windowTo} />
      </>
    ),
  },
  { id: "how", header: "Read from", cell: (run) => `${runSourceLabel(run.source)} · ${runTriggerLabel(run.trigger)}` },
  {
    id: "progress",
    header: "Progress",
    cell: (run) =>
      run.status === "running" ? (
        <div className="space-y-1">
          <progress
            className="w-32"
            value={STAGE_STEPS.indexOf(run.stage) + 1}
            max={STAGE_STEPS.length + 1}
            aria-label={`${runStageLabel(run.stage)}: ${run.rowsRead.toLocaleString("en-US")} rows`}
          />
          <p className="text-xs text-stone-700" data-testid="run-progress">
            {runStageLabel(run.stage)} · {run.rowsRead.toLocaleString("en-US")} rows
          </p>
        </div>
      ) : (
        <span title={run.error ?? undefined}>
          {runStatusLabel(run.status)} · {run.rowsRead.toLocaleString("en-US")} rows
        </span>
      ),
  },
  { id: "breaks", header: "Differences", numeric: true, cell: (run) => run.breaks },
  { id: "timing", header: "Expected (timing)", numeric: true, cell: (run) => run.timing },
  {
    id: "duration",
    header: "Duration",
    numeric: true,
    cell: (run) => (run.durationMs === null ? "—" : `${(run.durationMs / 1000).toFixed(1)} s`),
  },
];

export function RunsTable({ runs }: { runs: RunRow[] }) {
  return (
    <DataTable label="Reconciliation runs" columns={COLUMNS} rows={runs} empty="No run yet." testId="runs-table" />
  );
}
