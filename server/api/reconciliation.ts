import { z } from "zod";
import { db } from "../db/client";
import { ADJUSTMENT_REASONS, type AdjustmentReason } from "../reconciliation/adjustment-reasons";
import { assignBreaks } from "../reconciliation/assign-breaks";
import { getBreakDetail } from "../reconciliation/break-detail";
import { breakFiltersSchema } from "../reconciliation/break-filters";
import { exportBreaksCsv } from "../reconciliation/export-breaks-csv";
import { importBankStatement, parseBankStatement } from "../reconciliation/import-bank-statement";
import { listBankAccounts } from "../reconciliation/list-bank-accounts";
import { listBreaks } from "../reconciliation/list-breaks";
import { listResolvers } from "../reconciliation/list-resolvers";
import { listRuns, reconciliationOverview } from "../reconciliation/reconciliation-overview";
import { requestReconciliationRun } from "../reconciliation/request-run";
import { resolveBreak } from "../reconciliation/resolve-break";
import { calendarDate, currencyCode } from "../validation/storable-input";
import { permitted } from "./procedures";
import { router } from "./trpc";

const breakId = z.uuid("expected a difference's id");
const reason = z.string().trim().min(3, "say why, in a few words").max(500);
const adjustmentReasons = Object.keys(ADJUSTMENT_REASONS) as [AdjustmentReason, ...AdjustmentReason[]];

const resolution = z.discriminatedUnion("resolution", [
  z.object({
    breakId,
    resolution: z.enum(["matched_by_hand", "written_off"]),
    reason,
    note: z.string().max(2000).nullish(),
  }),
  z.object({
    breakId,
    resolution: z.literal("adjusting_entry"),
    reason,
    note: z.string().max(2000).nullish(),
    adjustment: z.object({
      reasonCode: z.enum(adjustmentReasons),
      amountMinor: z
        .number()
        .int("expected whole minor units")
        .min(-1_000_000_000_000)
        .max(1_000_000_000_000)
        .refine((value) => value !== 0, "an adjustment moves a non-zero amount"),
      currency: currencyCode(),
    }),
  }),
]);

const statement = z.object({
  bankAccountId: z.uuid("expected a bank account's id"),
  format: z.enum(["csv", "camt053"]),
  content: z.string().min(1, "the file is empty").max(5_000_000, "statements up to 5 MB"),
  fileName: z.string().trim().max(255).nullish(),
});

/** Finance's reconciliation: the overview, the break queue and each break, runs; assigning and resolving. */
export const reconciliationRouter = router({
  overview: permitted("reconciliation.read").query(() => reconciliationOverview(db())),
  breaks: permitted("reconciliation.read")
    .input(
      breakFiltersSchema.extend({
        cursor: z.string().max(500).nullish(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ input }) => listBreaks(db(), { ...input, cursor: input.cursor ?? undefined })),
  breakDetail: permitted("reconciliation.read")
    .input(z.object({ breakId }))
    .query(({ input }) => getBreakDetail(db(), input.breakId)),
  exportCsv: permitted("reconciliation.read")
    .input(z.object({ filters: breakFiltersSchema.default({ status: "unresolved" }) }))
    .mutation(async ({ input }) => ({
      filename: `payops-reconciliation-${new Date().toISOString().slice(0, 10)}.csv`,
      csv: await exportBreaksCsv(db(), input.filters),
    })),
  runs: permitted("reconciliation.read")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ input }) => listRuns(db(), input.limit)),
  requestRun: permitted("reconciliation.resolve")
    .input(z.object({ firstDay: calendarDate(), lastDay: calendarDate() }))
    .mutation(({ input }) => requestReconciliationRun(input)),
  resolvers: permitted("reconciliation.resolve").query(() => listResolvers(db())),
  assign: permitted("reconciliation.resolve")
    .input(
      z.object({
        breakIds: z.array(breakId).min(1, "choose at least one difference").max(200),
        ownerId: z.uuid("expected a staff member's id"),
        dueOn: calendarDate(),
        note: z.string().max(2000).nullish(),
      }),
    )
    .mutation(({ input, ctx }) =>
      assignBreaks(db(), {
        breakIds: input.breakIds,
        ownerId: input.ownerId,
        dueAt: new Date(`${input.dueOn}T00:00:00Z`),
        actorId: ctx.staff.userId,
        note: input.note,
      }),
    ),
  bankAccounts: permitted("reconciliation.read").query(() => listBankAccounts(db())),
  previewStatement: permitted("reconciliation.resolve")
    .input(statement)
    .mutation(async ({ input }) => {
      const lines = await parseBankStatement(db(), input);
      return { lines: lines.slice(0, 200), total: lines.length };
    }),
  importStatement: permitted("reconciliation.resolve")
    .input(statement)
    .mutation(({ input }) => importBankStatement(db(), { ...input, fileName: input.fileName ?? undefined })),
  resolve: permitted("reconciliation.resolve")
    .input(resolution)
    .mutation(({ input, ctx }) => resolveBreak(db(), { ...input, actorId: ctx.staff.userId })),
});
