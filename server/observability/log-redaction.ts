/**
 * Fields that never reach a log line, at the top level or up to two objects deep (pino's `redact`
 * paths): credentials, session cookies, Stripe signatures and secrets, card data, one-time codes.
 * The one list for every logger; add a field here rather than remembering to leave it out.
 */
const SECRET_FIELDS = [
  "authorization",
  "cookie",
  "set-cookie",
  "stripe-signature",
  "x-inngest-signature",
  "password",
  "passwordHash",
  "newPassword",
  "secret",
  "token",
  "accessToken",
  "refreshToken",
  "sessionToken",
  "csrfToken",
  "client_secret",
  "clientSecret",
  "apiKey",
  "card",
  "cardNumber",
  "cvc",
  "totpCode",
  "totpSecret",
  "recoveryCode",
  "recoveryCodes",
] as const;

const segment = (field: string) => (/^[A-Za-z_$][\w$]*$/.test(field) ? `.${field}` : `["${field}"]`);

export const LOG_REDACT_PATHS: string[] = SECRET_FIELDS.flatMap((field) => {
  const key = segment(field);
  return [key.startsWith(".") ? key.slice(1) : key, `*${key}`, `*.*${key}`];
});

export const LOG_REDACTION = { paths: LOG_REDACT_PATHS, censor: "[redacted]" } as const;
