import type Stripe from "stripe";

interface TriggerStep {
  name: string;
  path: string;
  method: string;
  params?: Record<string, unknown>;
  expected_error_type?: string;
}

export interface CliTrigger {
  fixtures: TriggerStep[];
}

type Responses = Record<string, unknown>;

function lookup(responses: Responses, reference: string): string {
  const [name, fieldPath] = reference.split(":");
  let value: unknown = responses[name!];
  for (const part of (fieldPath ?? "").split(".")) {
    value = (value as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof value !== "string" && typeof value !== "number") {
    throw new Error(`trigger reference \${${reference}} did not resolve`);
  }
  return String(value);
}

/** Replaces `${name:field.path}` with fields of earlier responses, as the Stripe CLI does. */
function resolve(value: unknown, responses: Responses): unknown {
  if (typeof value === "string")
    return value.replace(/\$\{([^}]+)\}/g, (_, reference: string) => lookup(responses, reference));
  if (Array.isArray(value)) return value.map((item) => resolve(item, responses));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, responses)]));
  }
  return value;
}

/** Runs a `stripe trigger` fixture's API calls through the official SDK. */
export async function runCliTrigger(stripe: Stripe, trigger: CliTrigger): Promise<Responses> {
  const responses: Responses = {};
  for (const step of trigger.fixtures) {
    const path = resolve(step.path, responses) as string;
    const params = resolve(step.params ?? {}, responses) as Record<string, unknown>;
    try {
      const method = step.method.toUpperCase();
      // The SDK's rawRequest takes parameters only in a POST body; GET parameters go in the query.
      const target =
        method === "GET" && Object.keys(params).length > 0
          ? `${path}?${new URLSearchParams(params as Record<string, string>)}`
          : path;
      responses[step.name] = await stripe.rawRequest(method, target, method === "GET" ? undefined : params);
    } catch (error) {
      const type = (error as { type?: string; rawType?: string }).rawType;
      if (!step.expected_error_type || type !== step.expected_error_type) throw error;
      responses[step.name] = (error as { raw?: unknown }).raw;
    }
  }
  return responses;
}
