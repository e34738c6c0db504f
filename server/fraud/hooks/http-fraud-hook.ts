import { createHmac } from "node:crypto";
import { z } from "zod";
import type { FraudCheckInput, FraudHook } from "../fraud-hook";
import { FraudHookFailure } from "./fraud-hook-failure";

export type HttpFraudHookSettings = {
  name: string;
  /** The outside fraud service; it receives the checkout's facts as JSON and answers with a verdict. */
  url: string;
  /** Signs each request (HMAC-SHA256 of `<timestamp>.<body>`), so the service knows it came from PayOps. */
  secret: string;
  timeoutMs: number;
  /** What a timeout or a failure means: "open" allows the payment, "closed" refuses it. */
  failMode: "open" | "closed";
};

const answerSchema = z.object({
  outcome: z.enum(["allow", "review", "block"]),
  reasons: z.array(z.string().max(500)).max(20).default([]),
});

export const HTTP_HOOK_SIGNATURE_HEADER = "payops-signature";

/** `t=<unix seconds>,v1=<hex HMAC>`, the shape Stripe uses for its own webhook signatures. */
export function signHookRequest(secret: string, body: string, timestamp: number): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

/**
 * A merchant hook that asks an outside fraud service over HTTP. The service has `timeoutMs` to
 * answer `{ "outcome": "allow" | "review" | "block", "reasons": [...] }`; no answer in time, a
 * non-2xx status or an unreadable answer follows `failMode`, and the stored decision says which.
 */
export function httpFraudHook(settings: HttpFraudHookSettings, now: () => number = Date.now): FraudHook {
  const failure = (why: string) =>
    new FraudHookFailure(`${why}; failing ${settings.failMode}`, settings.failMode === "open" ? "allow" : "block");
  return {
    name: settings.name,
    async decide(input: FraudCheckInput) {
      const body = JSON.stringify({ type: "payops.fraud_check", check: input });
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            [HTTP_HOOK_SIGNATURE_HEADER]: signHookRequest(settings.secret, body, Math.floor(now() / 1000)),
          },
          body,
          signal: AbortSignal.timeout(settings.timeoutMs),
          redirect: "error",
        });
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === "TimeoutError";
        throw failure(timedOut ? `no answer within ${settings.timeoutMs} ms` : "the service could not be reached");
      }
      if (!response.ok) throw failure(`the service answered ${response.status}`);
      let parsed: z.infer<typeof answerSchema>;
      try {
        const answer = await Promise.race([
          response.json(),
          new Promise((_, reject) => setTimeout(() => reject(new Error("slow body")), settings.timeoutMs)),
        ]);
        parsed = answerSchema.parse(answer);
      } catch {
        throw failure("the answer could not be read");
      }
      return parsed;
    },
  };
}
