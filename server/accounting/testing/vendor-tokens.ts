import { randomId } from "./vendor-test-http";

/**
 * The OAuth tokens a local vendor hands out, as QuickBooks and Xero keep them: a refresh token is
 * good once (each refresh rotates it), an access token until its lifetime runs out.
 */
export class VendorTokens {
  private readonly refreshTokens = new Set<string>();
  private readonly accessTokens = new Map<string, number>();

  constructor(
    private readonly prefix: string,
    private readonly accessLifetimeMs: number,
    firstRefreshToken: string,
  ) {
    this.refreshTokens.add(firstRefreshToken);
  }

  /** A new access token and the refresh token that replaces it later. */
  issue(): { access: string; refresh: string } {
    const refresh = this.grantRefresh();
    const access = `${this.prefix}-access-${randomId()}`;
    this.accessTokens.set(access, Date.now() + this.accessLifetimeMs);
    return { access, refresh };
  }

  /** Uses up a refresh token: false when it was never handed out or is already spent. */
  spendRefresh(token: string | null): boolean {
    return this.refreshTokens.delete(token ?? "");
  }

  /** A refresh token as a fresh consent would give one. */
  grantRefresh(): string {
    const refresh = `${this.prefix}-refresh-${randomId()}`;
    this.refreshTokens.add(refresh);
    return refresh;
  }

  /** Whether a bearer token was handed out and has not expired. */
  accepts(bearer: string | undefined): boolean {
    const expiresAt = bearer ? this.accessTokens.get(bearer) : undefined;
    return expiresAt !== undefined && expiresAt >= Date.now();
  }

  /** Every access token handed out so far expires now (the next call gets a 401). */
  expireAccessTokens(): void {
    for (const key of this.accessTokens.keys()) this.accessTokens.set(key, 0);
  }

  /** The app is disconnected: refresh tokens are refused and access tokens expire. */
  revoke(): void {
    this.refreshTokens.clear();
    this.expireAccessTokens();
  }
}
