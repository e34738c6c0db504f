/**
 * The fraud pre-check that checkout runs before any PaymentIntent exists. A hook looks at what the
 * customer is about to buy and answers allow, review or block; rules and the review queue plug in
 * here later without checkout changing.
 */
export type FraudOutcome = "allow" | "review" | "block";

export type FraudDecision = { outcome: FraudOutcome; reasons: string[] };

export type FraudCheckInput = {
  email: string;
  currency: string;
  totalMinor: number;
  itemCount: number;
  shippingCountry: string;
  /** The address the request came from, when the door knows it. */
  ipAddress: string | null;
};

export type FraudHook = {
  name: string;
  decide: (input: FraudCheckInput) => Promise<FraudDecision> | FraudDecision;
};

/** The default: every order is allowed until rules exist. */
export const allowEverything: FraudHook = {
  name: "allow-everything",
  decide: () => ({ outcome: "allow", reasons: [] }),
};
