import type { TableColumn } from "@/components/ui/data-table";
import { formatMoney } from "@/server/money";

/** A right-aligned amount column; a row without the amount shows `missing`. */
export function moneyColumn<Row>(
  id: string,
  header: string,
  amountOf: (row: Row) => { minor: number; currency: string } | null,
  missing = "",
): TableColumn<Row> {
  return {
    id,
    header,
    numeric: true,
    className: "whitespace-nowrap",
    cell: (row) => {
      const amount = amountOf(row);
      return amount ? formatMoney(amount.minor, amount.currency) : missing;
    },
  };
}
