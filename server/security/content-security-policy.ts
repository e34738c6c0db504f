/** Where the Payment Element and Stripe.js live (Stripe's documented CSP for Stripe.js). */
const STRIPE_SCRIPTS = ["https://js.stripe.com", "https://*.js.stripe.com"];
const STRIPE_FRAMES = ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"];
const STRIPE_CONNECT = ["https://api.stripe.com"];

export type PolicyContext = {
  nonce: string;
  /** The bundled sandbox's URL when the checkout's card form talks to it, else null. */
  sandboxUrl: string | null;
  https: boolean;
  development: boolean;
};

/**
 * The Content-Security-Policy for one response. Scripts run only with this request's nonce (Next.js
 * puts it on its own scripts) or when loaded by such a script ('strict-dynamic': Stripe.js adds
 * its own); the Payment Element's frames and API calls go to Stripe only, the sandbox card form's
 * calls to the sandbox only. Nothing may frame PayOps.
 */
export function contentSecurityPolicy(context: PolicyContext): string {
  const sandbox = context.sandboxUrl ? [new URL(context.sandboxUrl).origin] : [];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${context.nonce}'`,
      "'strict-dynamic'",
      ...STRIPE_SCRIPTS,
      // React's development build evaluates code for its debugging aids.
      ...(context.development ? ["'unsafe-eval'"] : []),
    ],
    // Inline style attributes carry no script; the Payment Element sets some on its container.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://*.stripe.com"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...STRIPE_CONNECT, ...sandbox, ...(context.development ? ["ws:", "wss:"] : [])],
    "frame-src": [...STRIPE_FRAMES, ...sandbox],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...sandbox],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  if (context.https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}
