/** An account in the target's chart, as its API lists it. */
export type TargetAccount = {
  /** The target's own id (QuickBooks `Id`, Xero `AccountID`). */
  id: string;
  /** What a bookkeeper types: Xero `Code`, QuickBooks `AcctNum`. */
  code: string;
  name: string;
  active: boolean;
};

/** PayOps account code → target account code. */
export type AccountMap = Record<string, string>;
