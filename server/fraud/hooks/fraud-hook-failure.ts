import type { FraudOutcome } from "../fraud-hook";

/**
 * A hook that could not answer (timed out, unreachable, an answer it could not read) and what
 * its setting says to do then: fail-open allows, fail-closed refuses. The decision records why.
 */
export class FraudHookFailure extends Error {
  constructor(
    message: string,
    readonly outcome: FraudOutcome,
  ) {
    super(message);
    this.name = "FraudHookFailure";
  }
}
