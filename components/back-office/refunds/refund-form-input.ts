import { toMinorUnits } from "@/server/money";

export type RefundMode = "full" | "amount" | "lines";

export type RefundFormState = {
  mode: RefundMode;
  amount: string;
  /** Order line id → units to refund. */
  quantities: Record<string, number>;
};

export type RefundAmountOrLines =
  | { amountMinor: number; lines?: undefined }
  | { lines: { orderItemId: string; quantity: number }[]; amountMinor?: undefined };

/**
 * Turns the form into what the server takes, or a message for the person filling it in. The
 * server prices lines and checks the refundable amount again; this only catches typing mistakes.
 */
export function refundFormInput(
  state: RefundFormState,
  context: { currency: string; refundableMinor: number },
): { ok: true; value: RefundAmountOrLines } | { ok: false; message: string } {
  if (state.mode === "full") {
    if (context.refundableMinor <= 0) return { ok: false, message: "Nothing is left to refund on this order." };
    return { ok: true, value: { amountMinor: context.refundableMinor } };
  }
  if (state.mode === "amount") {
    let amountMinor: number;
    try {
      amountMinor = toMinorUnits(state.amount, context.currency);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : "Enter an amount such as 12.50" };
    }
    if (amountMinor <= 0) return { ok: false, message: "Enter an amount above zero." };
    return { ok: true, value: { amountMinor } };
  }
  const lines = Object.entries(state.quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
  if (lines.length === 0) return { ok: false, message: "Choose at least one line to refund." };
  return { ok: true, value: { lines } };
}
