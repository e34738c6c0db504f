export type OrderLine = { key: string; name: string; quantity: number; lineTotal: string };

/** An order's lines as the customer reads them: name, quantity, line total. */
export function OrderLines({ lines, lineTestId }: { lines: OrderLine[]; lineTestId?: string }) {
  return (
    <ul className="mt-4 flex flex-col gap-3 text-sm">
      {lines.map((line) => (
        <li key={line.key} className="flex justify-between gap-4" data-testid={lineTestId}>
          <span>
            {line.name} <span className="text-stone-700">× {line.quantity}</span>
          </span>
          <span className="tabular-nums">{line.lineTotal}</span>
        </li>
      ))}
    </ul>
  );
}
