import "server-only";
import { accountingRouter } from "./accounting";
import { auditRouter } from "./audit";
import { checkoutRouter } from "./checkout";
import { disputesRouter } from "./disputes";
import { fraudRouter } from "./fraud";
import { fraudRulesRouter } from "./fraud-rules";
import { healthRouter } from "./health";
import { ledgerRouter } from "./ledger";
import { operationsRouter } from "./operations";
import { ordersRouter } from "./orders";
import { reconciliationRouter } from "./reconciliation";
import { refundsRouter } from "./refunds";
import { sessionRouter } from "./session";
import { staffUsersRouter } from "./staff-users";
import { router } from "./trpc";
import { twoFactorRouter } from "./two-factor";

/** Every tRPC router, one per room. */
export const appRouter = router({
  checkout: checkoutRouter,
  session: sessionRouter,
  orders: ordersRouter,
  staffUsers: staffUsersRouter,
  audit: auditRouter,
  refunds: refundsRouter,
  disputes: disputesRouter,
  fraud: fraudRouter,
  fraudRules: fraudRulesRouter,
  health: healthRouter,
  operations: operationsRouter,
  reconciliation: reconciliationRouter,
  accounting: accountingRouter,
  ledger: ledgerRouter,
  twoFactor: twoFactorRouter,
});

export type AppRouter = typeof appRouter;
