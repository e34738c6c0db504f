import type { ReactNode } from "react";
import { TableRegion } from "./table-region";

export type TableColumn<Row> = {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Amounts and counts: right-aligned with tabular figures. */
  numeric?: boolean;
  /** Extra classes for this column's cells (monospace ids, no wrapping). */
  className?: string;
  /** The header's aria-sort, for a column the table is sorted by. */
  sort?: "ascending" | "descending";
};

/** Rows with an `id` are keyed by it; any other row says how it is keyed. */
type RowKey<Row> = Row extends { id: string } ? { rowKey?: (row: Row) => string } : { rowKey: (row: Row) => string };

type Density = "page" | "inset";

const STYLE: Record<Density, { head: string; header: string; row: string; cell: string; note: string }> = {
  page: {
    head: "bg-stone-50",
    header: "px-3 py-2 font-medium whitespace-nowrap",
    row: "border-t border-stone-100 align-top hover:bg-stone-50",
    cell: "px-3 py-2",
    note: "px-3 py-6 text-center text-stone-700",
  },
  inset: {
    head: "",
    // Padding on both sides: a right-aligned amount never runs into the text column after it.
    header: "px-3 py-1 font-medium whitespace-nowrap first:pl-0 last:pr-0",
    row: "border-t border-stone-100 align-top",
    cell: "px-3 py-1 first:pl-0 last:pr-0",
    note: "py-2 text-stone-700",
  },
};

/**
 * Every back-office table: a caption, one header row, a row per item, what to say when there are
 * none, all in a keyboard-reachable scroll frame. `page` tables stand alone in a bordered region;
 * `inset` tables sit inside a section that already has a heading.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey = (row) => (row as { id: string }).id,
  empty,
  density = "page",
  showCaption = false,
  busy,
  className,
  testId,
  rowTestId,
  footer,
}: {
  /** Names the scroll frame and captions the table. */
  label: string;
  /** Typed by `rows`, so column helpers need no type argument. */
  columns: TableColumn<NoInfer<Row>>[];
  rows: readonly Row[];
  /** Shown under the header while there are no rows (a loading note, or why nothing matches). */
  empty?: ReactNode;
  density?: Density;
  showCaption?: boolean;
  busy?: boolean;
  className?: string;
  testId?: string;
  rowTestId?: string;
  /** A totals row under the rows: one cell per column, aligned as the column is. */
  footer?: readonly ReactNode[];
} & RowKey<Row>) {
  const style = STYLE[density];
  const align = (column: TableColumn<Row>) => (column.numeric ? "text-right tabular-nums" : "");
  return (
    <TableRegion label={label} inset={density === "inset"} className={className}>
      <table className="w-full text-left text-sm" aria-busy={busy} data-testid={testId}>
        <caption className={showCaption ? "pb-1 text-left font-medium" : "sr-only"}>{label}</caption>
        <thead className={style.head}>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" aria-sort={column.sort} className={`${style.header} ${align(column)}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={style.row} data-testid={rowTestId}>
              {columns.map((column) => (
                <td key={column.id} className={`${style.cell} ${align(column)} ${column.className ?? ""}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            <tr className={`${style.row} font-semibold`}>
              {columns.map((column, index) => (
                <td key={column.id} className={`${style.cell} ${align(column)} ${column.className ?? ""}`}>
                  {footer[index]}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
      {rows.length === 0 && empty ? <p className={`text-sm ${style.note}`}>{empty}</p> : null}
    </TableRegion>
  );
}
