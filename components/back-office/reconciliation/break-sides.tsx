import { breakAmount } from "./break-amount";

type Side = Record<string, unknown> | null;

const FIELD_LABELS: Record<string, string> = {
  balance_transaction: "Balance transaction",
  source: "Stripe object",
  reporting_category: "Category",
  type: "Stripe type",
  amount: "Amount",
  fee: "Fee",
  net: "Net",
  currency: "Currency",
  status: "Status",
  created: "Created",
  occurred_at: "Recorded for",
  record: "PayOps record",
  id: "Record id",
  order_id: "Order",
  payout: "Payout",
  arrival_date: "Arrival date",
  trace_id: "Trace id",
  carried_net: "Net of its transactions",
  carried_transactions: "Transactions carried",
  ledger_in_transit: "Ledger in transit",
  bank_line: "Bank line",
  booking_date: "Booked on",
  reference: "Reference",
  description: "Description",
};

const MONEY = new Set(["amount", "fee", "net", "carried_net", "ledger_in_transit"]);

function SideCard({ title, side, testId }: { title: string; side: Side; testId: string }) {
  const currency = typeof side?.currency === "string" ? side.currency : null;
  return (
    <section className="rounded-xl border border-stone-200 bg-white p-4" data-testid={testId}>
      <h2 className="mb-2 font-semibold text-stone-900">{title}</h2>
      {side ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {Object.entries(side)
            .filter(([, value]) => value !== null && value !== undefined)
            .map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-stone-700">{FIELD_LABELS[key] ?? key.replaceAll("_", " ")}</dt>
                <dd className="break-all">
                  {MONEY.has(key) && typeof value === "number" ? breakAmount(value, currency) : String(value)}
                </dd>
              </div>
            ))}
        </dl>
      ) : (
        <p className="text-sm text-stone-700">Nothing on this side.</p>
      )}
    </section>
  );
}

/** Both sides of a difference next to each other, as the run saw them. */
export function BreakSides({ stripe, payops, bank }: { stripe: unknown; payops: unknown; bank: unknown }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <SideCard title="Stripe" side={stripe as Side} testId="stripe-side" />
      {bank ? (
        <SideCard title="Bank statement" side={bank as Side} testId="bank-side" />
      ) : (
        <SideCard title="PayOps" side={payops as Side} testId="payops-side" />
      )}
    </div>
  );
}
