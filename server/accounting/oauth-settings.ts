import { serverEnv } from "../env";
import { AppError } from "../errors";

export type OAuthVendor = "quickbooks" | "xero";

export function isOAuthVendor(value: string): value is OAuthVendor {
  return value === "quickbooks" || value === "xero";
}

/** The PayOps app as registered with the vendor, and where the vendor sends the admin back. */
export function vendorOAuthSettings(vendor: OAuthVendor) {
  const env = serverEnv();
  const settings =
    vendor === "xero"
      ? { clientId: env.XERO_CLIENT_ID, clientSecret: env.XERO_CLIENT_SECRET, authUrl: env.XERO_AUTH_URL }
      : {
          clientId: env.QUICKBOOKS_CLIENT_ID,
          clientSecret: env.QUICKBOOKS_CLIENT_SECRET,
          authUrl: env.QUICKBOOKS_AUTH_URL,
        };
  if (!settings.clientId || !settings.clientSecret) {
    const prefix = vendor === "xero" ? "XERO" : "QUICKBOOKS";
    throw new AppError(
      "BAD_REQUEST",
      `Connecting ${vendor === "xero" ? "Xero" : "QuickBooks Online"} needs the PayOps app's credentials: set ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET`,
    );
  }
  return {
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authUrl: settings.authUrl,
    redirectUri: new URL(`/api/accounting/callback/${vendor}`, env.APP_URL).toString(),
  };
}

/** Which vendors this installation can connect from the back office. */
export function connectableVendors(): OAuthVendor[] {
  const env = serverEnv();
  return (["xero", "quickbooks"] as const).filter((vendor) =>
    vendor === "xero"
      ? Boolean(env.XERO_CLIENT_ID && env.XERO_CLIENT_SECRET)
      : Boolean(env.QUICKBOOKS_CLIENT_ID && env.QUICKBOOKS_CLIENT_SECRET),
  );
}
