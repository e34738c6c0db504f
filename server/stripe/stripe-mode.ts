import { serverEnv } from "../env";
import { type StripeMode, stripeModeOfKey } from "./dashboard-link";

/** The mode of the configured key: live only with a live key; the sandbox is test mode. */
export function configuredStripeMode(): StripeMode {
  return stripeModeOfKey(serverEnv().STRIPE_SECRET_KEY);
}
