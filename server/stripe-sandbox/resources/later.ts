/**
 * How long the test cards and IBANs Stripe documents as settling "later" (a pending refund on
 * 4000000000007726, the delayed SEPA IBAN ending 3003) stay as they are, unless a test settles
 * them through the control API first: at least three minutes, as Stripe says.
 */
export const LATER_MS = 180_000;
