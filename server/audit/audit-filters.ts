import { z } from "zod";
import { calendarDate } from "../validation/storable-input";
import { AUDIT_ACTIONS } from "./audit-actions";

const isoDate = calendarDate();

/** Filters finance uses to narrow the audit log; the same filters drive the CSV export. */
export const auditFiltersSchema = z
  .object({
    actions: z.array(z.enum(AUDIT_ACTIONS)).max(AUDIT_ACTIONS.length).optional(),
    moneyOnly: z.boolean().optional(),
    actorEmail: z.string().trim().max(200).optional(),
    subjectId: z.string().trim().max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    message: "the start date must not be after the end date",
    path: ["from"],
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;
