import type { AccountingDeps } from "./accounting-deps";
import { openSecret, sealSecret } from "./token-cipher";
import type { AccessTokens } from "./vendor-client";
import { ConnectionRevokedError, VendorUnavailableError } from "./vendor-errors";

/** Refreshed this long before the vendor says it expires, so a call never starts with a dying token. */
const EARLY_MS = 60_000;
const inFlight = new Map<string, Promise<string>>();

type TokenRow = {
  vendor: string;
  status: string;
  client_id: string;
  client_secret_sealed: string;
  refresh_token_sealed: string;
  access_token_sealed: string | null;
  access_token_expires_at: Date | null;
};

/**
 * A connection's bearer tokens. A refresh runs once at a time per connection: in this process by
 * sharing the promise, across processes under a row lock, and a token another worker refreshed
 * meanwhile is used rather than refreshed again (vendors rotate refresh tokens, so a second
 * refresh with the old one would fail).
 */
export function connectionTokens(deps: AccountingDeps, connectionId: string): AccessTokens {
  const key = deps.encryptionKey;
  const usable = (row: TokenRow, refused: string | null) => {
    if (!row.access_token_sealed || !row.access_token_expires_at) return null;
    if (row.access_token_expires_at.getTime() - EARLY_MS <= Date.now()) return null;
    const token = openSecret(row.access_token_sealed, key);
    return token === refused ? null : token;
  };
  const refresh = (refused: string | null): Promise<string> => {
    const running = inFlight.get(connectionId);
    if (running !== undefined) return running;
    const work = deps.prisma
      .$transaction(
        async (tx) => {
          const [row] = await tx.$queryRaw<TokenRow[]>`
            SELECT vendor, status, client_id, client_secret_sealed, refresh_token_sealed, access_token_sealed, access_token_expires_at
              FROM accounting_connections WHERE id = ${connectionId}::uuid FOR UPDATE`;
          if (!row) throw new ConnectionRevokedError("the connection no longer exists");
          if (row.status === "revoked")
            throw new ConnectionRevokedError("the connection was revoked; connect it again");
          const fresh = usable(row, refused);
          if (fresh) return fresh;
          const tokenUrl = row.vendor === "xero" ? deps.urls.xeroToken : deps.urls.quickbooksToken;
          const basic = Buffer.from(`${row.client_id}:${openSecret(row.client_secret_sealed, key)}`).toString("base64");
          let response: Response;
          try {
            response = await fetch(tokenUrl, {
              method: "POST",
              headers: {
                authorization: `Basic ${basic}`,
                "content-type": "application/x-www-form-urlencoded",
                accept: "application/json",
              },
              body: new URLSearchParams({
                grant_type: "refresh_token",
                refresh_token: openSecret(row.refresh_token_sealed, key),
              }).toString(),
              signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
            });
          } catch {
            throw new VendorUnavailableError("the token endpoint could not be reached");
          }
          const body = (await response.json().catch(() => ({}))) as {
            access_token?: string;
            refresh_token?: string;
            expires_in?: number;
            error?: string;
          };
          if (response.status === 400 || response.status === 401) {
            await tx.$executeRaw`
              UPDATE accounting_connections SET status = 'revoked', updated_at = now(),
                     last_sync_error = ${`The accounting system refused the connection's authorisation (${body.error ?? response.status}); connect it again.`}
               WHERE id = ${connectionId}::uuid`;
            return { revoked: true } as const;
          }
          if (!response.ok || !body.access_token)
            throw new VendorUnavailableError(`the token endpoint answered ${response.status}`);
          const expiresAt = new Date(Date.now() + (body.expires_in ?? 1800) * 1000);
          await tx.$executeRaw`
            UPDATE accounting_connections
               SET access_token_sealed = ${sealSecret(body.access_token, key)}, access_token_expires_at = ${expiresAt},
                   refresh_token_sealed = COALESCE(${body.refresh_token ? sealSecret(body.refresh_token, key) : null}, refresh_token_sealed),
                   updated_at = now()
             WHERE id = ${connectionId}::uuid`;
          return body.access_token;
        },
        { timeout: 60_000 },
      )
      .then((result) => {
        if (typeof result !== "string")
          throw new ConnectionRevokedError(
            "the accounting system refused the connection's authorisation; connect it again",
          );
        return result;
      })
      .finally(() => inFlight.delete(connectionId));
    inFlight.set(connectionId, work);
    return work;
  };
  return {
    async current() {
      const [row] = await deps.prisma.$queryRaw<TokenRow[]>`
        SELECT vendor, status, client_id, client_secret_sealed, refresh_token_sealed, access_token_sealed, access_token_expires_at
          FROM accounting_connections WHERE id = ${connectionId}::uuid`;
      if (!row) throw new ConnectionRevokedError("the connection no longer exists");
      return usable(row, null) ?? refresh(null);
    },
    refresh: (refused) => refresh(refused),
  };
}
