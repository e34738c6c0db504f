import type Stripe from "stripe";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { normalizeCurrency } from "../money";
import { ACCOUNT } from "./chart-of-accounts";
import { signedLine } from "./journal-entry";
import { hasPosting, lockStripeObject } from "./lock-stripe-object";
import { type PostingResult, postEntry } from "./post-entry";

type Payout = Pick<Stripe.Payout, "id" | "amount" | "currency" | "arrival_date">;

export type PayoutPaidInput = { payout: Payout; stripeEventId?: string | null };

export const payoutPaidKey = (payoutId: string) => `${payoutId}:paid`;
export const payoutFailedKey = (payoutId: string) => `${payoutId}:failed`;

/**
 * The bank received the payout: Dr bank, Cr payouts in transit. A `paid` arriving after the payout's
 * failure was posted is stale and posts nothing (null), so delivery order does not matter.
 */
export async function postPayoutPaid(tx: Tx, input: PayoutPaidInput): Promise<PostingResult | null> {
  const { payout } = input;
  if (!payout.id.startsWith("po_")) throw new AppError("BAD_REQUEST", `"${payout.id}" is not a payout id`);
  if (!Number.isSafeInteger(payout.amount))
    throw new AppError("BAD_REQUEST", `Payout ${payout.id} has no whole amount`);
  await lockStripeObject(tx, payout.id);
  if (await hasPosting(tx, payoutFailedKey(payout.id))) return null;
  return postPayoutPaidEntry(tx, payout, input.stripeEventId);
}

async function postPayoutPaidEntry(tx: Tx, payout: Payout, stripeEventId?: string | null) {
  const currency = normalizeCurrency(payout.currency);
  const amount = BigInt(payout.amount);
  return postEntry(tx, {
    idempotencyKey: payoutPaidKey(payout.id),
    kind: "payout_paid",
    description: `Payout paid: ${payout.id}`,
    occurredAt: new Date(payout.arrival_date * 1000),
    source: { stripeObjectId: payout.id, stripeEventId },
    lines: [...signedLine(ACCOUNT.bank, currency, amount), ...signedLine(ACCOUNT.payoutsInTransit, currency, -amount)],
  });
}
