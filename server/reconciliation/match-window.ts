import type { ReconciliationTolerances } from "./tolerances";

/** What every leg's statement needs: the run, its window, the moment ages count from, the tolerances. */
export type MatchWindow = {
  runId: string;
  from: Date;
  to: Date;
  asOf: Date;
  tolerances: ReconciliationTolerances;
};
