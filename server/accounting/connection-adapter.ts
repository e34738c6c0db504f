import type { AccountingAdapter } from "./accounting-adapter";
import type { AccountingDeps } from "./accounting-deps";
import { connectionTokens } from "./connection-tokens";
import { quickBooksAdapter } from "./quickbooks-adapter";
import { xeroAdapter } from "./xero-adapter";

export type ConnectionIdentity = { id: string; vendor: string; organisationId: string };

/** The adapter for a connection, with its tokens and its organisation's limiter. */
export function connectionAdapter(deps: AccountingDeps, connection: ConnectionIdentity): AccountingAdapter {
  const tokens = connectionTokens(deps, connection.id);
  if (connection.vendor === "xero") {
    return xeroAdapter({
      apiUrl: deps.urls.xeroApi,
      tenantId: connection.organisationId,
      tokens,
      limits: deps.limits?.xero,
      timeoutMs: deps.timeoutMs,
    });
  }
  return quickBooksAdapter({
    apiUrl: deps.urls.quickbooksApi,
    realmId: connection.organisationId,
    tokens,
    limits: deps.limits?.quickbooks,
    timeoutMs: deps.timeoutMs,
  });
}
