import { StripeApiError } from "./errors";

export type KeyKind = "secret" | "publishable";

function unauthorized(message: string): StripeApiError {
  return new StripeApiError(401, { type: "invalid_request_error", message });
}

function redact(key: string): string {
  const prefix = key.slice(0, key.indexOf("_", 3) + 1) || key.slice(0, 3);
  return `${prefix}****${key.slice(-4)}`;
}

/** Any sk_test_/rk_test_ key is a secret key and any pk_test_ key a publishable one, as the sandbox promises. */
export function authenticate(header: string | undefined): KeyKind {
  if (!header) {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  let key = "";
  if (header.startsWith("Bearer ")) key = header.slice(7).trim();
  else if (header.startsWith("Basic "))
    key = Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0] ?? "";
  if (/^(sk|rk)_test_\w+$/.test(key)) return "secret";
  if (/^pk_test_\w+$/.test(key)) return "publishable";
  throw unauthorized(`Invalid API Key provided: ${redact(key)}`);
}
