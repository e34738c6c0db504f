import type { OrganisationLimiter } from "./connection-limiter";
import { VendorRejectedError, VendorUnavailableError } from "./vendor-errors";

/** Hands out a bearer token; `refresh` is called once after a 401 with the token that was refused. */
export type AccessTokens = { current(): Promise<string>; refresh(refused: string): Promise<string> };

export type VendorCall = {
  method: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  body?: string;
};

export type VendorClientOptions = {
  limiter: OrganisationLimiter;
  tokens: AccessTokens;
  /** Per call; a vendor that stored the journal but did not answer in time is found by look-up later. */
  timeoutMs?: number;
  /** 429s waited out inside one call before giving up for this attempt. */
  maxRateLimitWaits?: number;
  /** A Retry-After longer than this is not waited for here: the attempt ends and the outbox retries later. */
  maxWaitMs?: number;
  describeError: (status: number, body: string) => string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One call to a vendor through the connection's limiter: honours Retry-After on 429, refreshes the
 * token once on 401, and turns every other failure into a rejection (4xx) or a passing failure
 * (5xx, timeout, network) the caller decides about.
 */
export async function callVendor(call: VendorCall, options: VendorClientOptions): Promise<unknown> {
  let refreshed = false;
  let token = await options.tokens.current();
  for (let waits = 0; ; ) {
    const response = await options.limiter.add(async () => {
      try {
        const res = await fetch(call.url, {
          method: call.method,
          headers: { accept: "application/json", authorization: `Bearer ${token}`, ...call.headers },
          body: call.body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
        return { status: res.status, headers: res.headers, text: await res.text() };
      } catch (error) {
        const reason =
          error instanceof Error && error.name === "TimeoutError" ? "did not answer in time" : "could not be reached";
        throw new VendorUnavailableError(`${call.method} ${new URL(call.url).pathname} ${reason}`);
      }
    });
    if (!response) throw new VendorUnavailableError("the call was dropped");
    if (response.status >= 200 && response.status < 300) return response.text ? JSON.parse(response.text) : null;
    if (response.status === 401 && !refreshed) {
      refreshed = true;
      token = await options.tokens.refresh(token);
      continue;
    }
    if (response.status === 429) {
      const seconds = Number(response.headers.get("retry-after"));
      const waitMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
      waits += 1;
      if (waits > (options.maxRateLimitWaits ?? 20) || waitMs > (options.maxWaitMs ?? 60_000)) {
        throw new VendorUnavailableError(
          `rate limited (${response.headers.get("x-rate-limit-problem") ?? "limit"}); retry after ${waitMs / 1000} s`,
          waitMs,
        );
      }
      await sleep(waitMs);
      continue;
    }
    const message = options.describeError(response.status, response.text);
    if (response.status >= 500) throw new VendorUnavailableError(message);
    throw new VendorRejectedError(message);
  }
}
