import disposableDomains from "disposable-email-domains/index.json" with { type: "json" };

let domains: ReadonlySet<string> | undefined;

/**
 * Whether an email domain belongs to a disposable-address provider, from the
 * disposable-email-domains package's list (maintained upstream; updated with the dependency).
 */
export function isDisposableEmailDomain(domain: string): boolean {
  domains ??= new Set(disposableDomains.map((entry) => entry.toLowerCase()));
  return domains.has(domain.trim().toLowerCase());
}
