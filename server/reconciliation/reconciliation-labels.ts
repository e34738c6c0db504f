import { BREAK_TYPES } from "./break-types";

// The one place the back office takes reconciliation words from.

const label = (table: Record<string, string>, key: string | null | undefined) =>
  key ? (Object.hasOwn(table, key) ? (table[key] as string) : key.replaceAll("_", " ")) : "";

export const BREAK_STATUS_LABELS: Record<string, string> = { open: "Open", assigned: "Assigned", resolved: "Resolved" };
export const RUN_STATUS_LABELS: Record<string, string> = {
  running: "Running",
  succeeded: "Finished",
  failed: "Failed",
};
export const RUN_STAGE_LABELS: Record<string, string> = {
  reading_stripe: "Reading Stripe transactions",
  reading_payouts: "Reading payouts",
  matching: "Matching",
  done: "Done",
};
export const RUN_TRIGGER_LABELS: Record<string, string> = {
  command: "Command line",
  schedule: "Nightly",
  back_office: "Back office",
};
export const RUN_SOURCE_LABELS: Record<string, string> = { list: "Balance transactions API", report: "Reporting API" };

const TYPE_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(BREAK_TYPES).map(([type, { label: text }]) => [type, text]),
);
export const RESOLUTION_LABELS = {
  matched_by_hand: "Matched by hand",
  adjusting_entry: "Adjusting entry",
  written_off: "Written off",
  matched_by_run: "Matched by a later run",
} as const;
export const ADJUSTMENT_LABELS = {
  fee_adjustment: "Stripe fee correction",
  unrecorded_refund: "Refund PayOps did not record",
  unrecorded_charge: "Payment PayOps did not record",
  bank_difference: "Bank difference",
} as const;

export const breakTypeLabel = (type: string) => label(TYPE_LABELS, type);
export const breakStatusLabel = (status: string) => label(BREAK_STATUS_LABELS, status);
export const resolutionLabel = (resolution: string | null) => label(RESOLUTION_LABELS, resolution);
export const adjustmentReasonLabel = (code: string) => label(ADJUSTMENT_LABELS, code);
export const runStatusLabel = (status: string) => label(RUN_STATUS_LABELS, status);
export const runStageLabel = (stage: string) => label(RUN_STAGE_LABELS, stage);
export const runTriggerLabel = (trigger: string) => label(RUN_TRIGGER_LABELS, trigger);
export const runSourceLabel = (source: string) => label(RUN_SOURCE_LABELS, source);
export const BREAK_TYPE_OPTIONS = Object.entries(TYPE_LABELS).map(([value, text]) => ({ value, label: text }));
export const ADJUSTMENT_REASON_OPTIONS = Object.entries(ADJUSTMENT_LABELS).map(([value, text]) => ({
  value,
  label: text,
}));
