import { serverEnv } from "../env";
import { SANDBOX_SECRET_KEY, stripe } from "../stripe/client";
import { stripeListSide } from "./stripe-list-side";
import { stripeReportSide } from "./stripe-report-side";
import type { StripeSide } from "./stripe-side";

/** The app's Stripe (real or sandbox) read through the list API or the Reporting API. */
export function appStripeSide(source: "list" | "report"): StripeSide {
  if (source === "list") return stripeListSide(stripe());
  return stripeReportSide(stripe(), { secretKey: serverEnv().STRIPE_SECRET_KEY ?? SANDBOX_SECRET_KEY });
}
