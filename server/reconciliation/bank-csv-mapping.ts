import { z } from "zod";

const column = z.string().trim().min(1).max(200);

/**
 * How one bank's CSV export is read, saved with the bank account: which column holds what, the
 * date order and the decimal separator. The amount is either one signed column or a credit and a
 * debit column; the currency is a column or fixed for the account.
 */
export const bankCsvMappingSchema = z
  .object({
    date: column,
    dateFormat: z.enum(["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY"]).default("YYYY-MM-DD"),
    amount: column.optional(),
    credit: column.optional(),
    debit: column.optional(),
    currency: column.optional(),
    reference: column.optional(),
    description: column.optional(),
    delimiter: z.enum([",", ";", "\t"]).default(","),
    decimalSeparator: z.enum([".", ","]).default("."),
  })
  .refine((mapping) => Boolean(mapping.amount) !== Boolean(mapping.credit || mapping.debit), {
    message: "name either an amount column or credit and debit columns",
    path: ["amount"],
  });

export type BankCsvMapping = z.infer<typeof bankCsvMappingSchema>;
