import { currentTotpCode } from "../../server/auth/totp-codes";

/** One answer from the app: its status, tRPC's data or error message, and Retry-After. */
export type AppAnswer = { status: number; data?: unknown; message?: string; retryAfter?: string | null };

/** Talks to the running app the way the browser does: tRPC over HTTP with superjson, a session cookie. */
export class AppClient {
  cookie = "";
  constructor(readonly baseUrl: string) {}

  /** A mutation (POST). */
  call(procedure: string, input: unknown, timeoutMs = 20_000): Promise<AppAnswer> {
    return this.send(`${this.baseUrl}/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ json: input }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  /** A query (GET, its input in the URL). */
  query(procedure: string, input?: unknown, timeoutMs = 20_000): Promise<AppAnswer> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return this.send(`${this.baseUrl}/api/trpc/${procedure}${search}`, {
      headers: this.cookie ? { cookie: this.cookie } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  private async send(url: string, init: RequestInit): Promise<AppAnswer> {
    try {
      const response = await fetch(url, init);
      const text = await response.text();
      let body: { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } } = {};
      try {
        body = JSON.parse(text);
      } catch {
        return { status: response.status, message: text.slice(0, 200) };
      }
      return {
        status: response.status,
        data: body.result?.data?.json,
        message: body.error?.json?.message,
        retryAfter: response.headers.get("retry-after"),
      };
    } catch (error) {
      // Connection refused or reset while the app is down: no answer at all.
      return { status: 0, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Signs in with email, password and the current two-factor code; keeps the session cookie. */
  async signIn(email: string, password: string, totpSecret: string): Promise<void> {
    const csrf = await fetch(`${this.baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = cookiesOf(csrf.headers);
    const response = await fetch(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
      body: new URLSearchParams({
        csrfToken,
        email,
        password,
        code: await currentTotpCode(totpSecret),
        callbackUrl: `${this.baseUrl}/dashboard`,
        json: "true",
      }),
    });
    const session = cookiesOf(response.headers);
    if (!session.includes("session-token")) {
      throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
    }
    this.cookie = [jar, session].filter(Boolean).join("; ");
  }
}

function cookiesOf(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
}

/** Waits until `url` answers 200; returns how long it took. */
export async function waitForHealthy(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not healthy within ${timeoutMs} ms`);
}
