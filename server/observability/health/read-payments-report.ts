import type { PrismaClient } from "../../db/client";

import type { Rate } from "./rate";

export type CurrencyPayments = {
  currency: string;
  /** Payments that reached a result: authorised at least once, or declined and never authorised. */
  attempted: number;
  authorisation: Rate;
  declinesByCode: { code: string; count: number }[];
  /** Payments the bank asked to authenticate with 3-D Secure (not exempted, not unsupported), out of those attempted. */
  threeDSecureChallenge: Rate;
  /** Of the finished 3-D Secure checks, those passed (authenticated, or attempted where the bank took no part). */
  threeDSecureSuccess: Rate;
  /** Authorised payments with a refund that went through. */
  refund: Rate;
  /** Authorised payments the cardholder disputed. */
  dispute: Rate;
};

type Totals = {
  currency: string;
  attempted: bigint;
  authorised: bigint;
  challenged: bigint;
  authenticated: bigint;
  failed3ds: bigint;
  refunded: bigint;
  disputed: bigint;
};

/**
 * A Stripe-style payments report per currency over payments created since `since`. A payment
 * counts once: authorised if any of its attempts was, else declined under its latest decline code.
 */
export async function readPaymentsReport(prisma: PrismaClient, since: Date): Promise<CurrencyPayments[]> {
  const totals = await prisma.$queryRaw<Totals[]>`
    SELECT p.currency,
      count(*) FILTER (WHERE p.authorised_at IS NOT NULL OR p.decline_code IS NOT NULL) AS attempted,
      count(*) FILTER (WHERE p.authorised_at IS NOT NULL) AS authorised,
      count(*) FILTER (WHERE p.three_d_secure IS NOT NULL AND p.three_d_secure NOT IN ('exempted', 'not_supported')) AS challenged,
      count(*) FILTER (WHERE p.three_d_secure IN ('authenticated', 'attempt_acknowledged')) AS authenticated,
      count(*) FILTER (WHERE p.three_d_secure = 'failed') AS failed3ds,
      count(*) FILTER (WHERE p.authorised_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM refunds r WHERE r.payment_id = p.id AND r.status = 'succeeded')) AS refunded,
      count(*) FILTER (WHERE p.authorised_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM disputes d WHERE d.payment_id = p.id)) AS disputed
    FROM payments p
    WHERE p.created_at >= ${since}
    GROUP BY p.currency
    ORDER BY p.currency`;
  const declines = await prisma.$queryRaw<{ currency: string; code: string; count: bigint }[]>`
    SELECT currency, decline_code AS code, count(*) AS count
    FROM payments
    WHERE created_at >= ${since} AND authorised_at IS NULL AND decline_code IS NOT NULL
    GROUP BY currency, decline_code
    ORDER BY count(*) DESC, decline_code`;
  return totals.map((row) => {
    const attempted = Number(row.attempted);
    const authorised = Number(row.authorised);
    const authenticated = Number(row.authenticated);
    return {
      currency: row.currency,
      attempted,
      authorisation: { count: authorised, of: attempted },
      declinesByCode: declines
        .filter((decline) => decline.currency === row.currency)
        .map((decline) => ({ code: decline.code, count: Number(decline.count) })),
      threeDSecureChallenge: { count: Number(row.challenged), of: attempted },
      threeDSecureSuccess: { count: authenticated, of: authenticated + Number(row.failed3ds) },
      refund: { count: Number(row.refunded), of: authorised },
      dispute: { count: Number(row.disputed), of: authorised },
    };
  });
}
