import { z } from "zod";
import { knownCurrency, toMinorUnits } from "../money";
import { calendarDate, INT32_MAX } from "../validation/storable-input";

const isoDate = calendarDate();
const decimalAmount = z
  .string()
  .trim()
  .max(30, "expected an amount such as 12.50")
  .regex(/^\d+(\.\d+)?$/, "expected an amount such as 12.50");

/** An amount bound that is not a whole number of the currency's minor units, or above any order total. */
function amountProblem(amount: string | undefined, currency: string | undefined): string | null {
  if (!amount || !currency) return null;
  try {
    return toMinorUnits(amount, currency) > INT32_MAX ? `${amount} ${currency} is above any order total` : null;
  } catch (error) {
    return error instanceof Error ? error.message : "not an amount";
  }
}

export const ORDER_SORTS = ["created_at", "total", "status"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/**
 * What the orders table asks for. The same shape lives in the page's URL, so a view can be shared.
 * Amount bounds are decimals in the filtered currency: minor units differ per currency, so an
 * amount range without a currency would compare yen with dollars.
 */
export const orderListQuerySchema = z
  .object({
    statuses: z
      .array(z.string().regex(/^[a-z_]{1,40}$/, "expected a status such as paid"))
      .max(20)
      .optional(),
    currency: z
      .string()
      .trim()
      .transform((code, ctx) => {
        try {
          return knownCurrency(code);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : "unknown currency" });
          return z.NEVER;
        }
      })
      .optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    minAmount: decimalAmount.optional(),
    maxAmount: decimalAmount.optional(),
    email: z.string().trim().min(1).max(320).optional(),
    sort: z.enum(ORDER_SORTS).default("created_at"),
    direction: z.enum(["asc", "desc"]).default("desc"),
    cursor: z.string().max(500).nullish(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "the start date must not be after the end date",
    path: ["from"],
  })
  .refine((query) => query.currency || (!query.minAmount && !query.maxAmount), {
    message: "choose a currency to filter by amount",
    path: ["currency"],
  })
  .superRefine((query, ctx) => {
    for (const field of ["minAmount", "maxAmount"] as const) {
      const problem = amountProblem(query[field], query.currency);
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: [field] });
    }
  });

export type OrderListQuery = z.infer<typeof orderListQuerySchema>;
export type OrderListQueryInput = z.input<typeof orderListQuerySchema>;
