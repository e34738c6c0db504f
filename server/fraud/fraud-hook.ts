/**
 * The fraud pre-check that checkout runs before any PaymentIntent exists. Rules in Radar syntax
 * and merchant hooks each give their answer; `evaluate-pre-payment.ts` combines them.
 */
export type FraudOutcome = "allow" | "review" | "block";

/** What checkout acts on: allow, hold for review (manual capture), refuse, or ask for 3-D Secure. */
export type CheckoutOutcome = FraudOutcome | "request_3ds";

export type FraudDecision = { outcome: CheckoutOutcome; reasons: string[] };

export type FraudCheckInput = {
  email: string;
  currency: string;
  totalMinor: number;
  itemCount: number;
  shippingCountry: string;
  /** The address the request came from, when the door knows it. */
  ipAddress: string | null;
  /** The client's country from a trusted proxy's header, when there is one. */
  ipCountry?: string | null;
};

export type HookDecision = { outcome: FraudOutcome; reasons: string[] };

export type FraudHook = {
  name: string;
  decide: (input: FraudCheckInput) => Promise<HookDecision> | HookDecision;
};

/** The default: every order is allowed until rules exist. */
export const allowEverything: FraudHook = {
  name: "allow-everything",
  decide: () => ({ outcome: "allow", reasons: [] }),
};
