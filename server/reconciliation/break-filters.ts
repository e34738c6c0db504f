import { z } from "zod";
import { currencyCode } from "../validation/storable-input";
import { BREAK_TYPES } from "./break-types";

const BREAK_TYPE_KEYS = Object.keys(BREAK_TYPES) as [keyof typeof BREAK_TYPES, ...(keyof typeof BREAK_TYPES)[]];

/** What finance narrows the break queue by; the same filters drive the CSV export. */
export const breakFiltersSchema = z.object({
  type: z.enum(BREAK_TYPE_KEYS).optional(),
  status: z.enum(["open", "assigned", "resolved", "unresolved"]).default("unresolved"),
  ownerId: z.uuid("expected a staff member's id").optional(),
  currency: currencyCode().optional(),
  /** Only breaks at least this many days old. */
  minAgeDays: z.number().int().min(0).max(3650).optional(),
});

export type BreakFilters = z.infer<typeof breakFiltersSchema>;
