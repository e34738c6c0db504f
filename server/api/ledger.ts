import { db } from "../db/client";
import { trialBalanceQuery, trialBalanceReport } from "../ledger";
import { permitted } from "./procedures";
import { router } from "./trpc";

/** Finance reads the ledger: the trial balance per currency, now or at the end of a day. */
export const ledgerRouter = router({
  trialBalance: permitted("ledger.read")
    .input(trialBalanceQuery)
    .query(({ input }) => trialBalanceReport(db(), input)),
});
