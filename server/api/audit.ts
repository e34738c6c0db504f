import { z } from "zod";
import { auditFiltersSchema } from "../audit/audit-filters";
import { exportAuditCsv } from "../audit/export-audit-csv";
import { listAuditEntries } from "../audit/list-audit-entries";
import { db } from "../db/client";
import { permitted } from "./procedures";
import { router } from "./trpc";

/** Finance reads the audit log and exports it; nobody can change it. */
export const auditRouter = router({
  list: permitted("audit.read")
    .input(
      z.object({
        filters: auditFiltersSchema.default({}),
        cursor: z.string().max(500).nullish(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ input }) => listAuditEntries(db(), input)),
  exportCsv: permitted("audit.read")
    .input(z.object({ filters: auditFiltersSchema.default({}) }))
    .mutation(async ({ input }) => {
      const { csv, rows } = await exportAuditCsv(db(), input.filters);
      return { filename: `payops-audit-${new Date().toISOString().slice(0, 10)}.csv`, csv, rows };
    }),
});
