import Stripe from "stripe";
import { SANDBOX_SECRET_KEY } from "../../stripe/client";
import { startSandbox } from "../index";

/** A Stripe client whose every call fails to connect (a port that was just free): Stripe unreachable. */
export async function unreachableStripe(): Promise<Stripe> {
  const closed = await startSandbox({ port: 0 });
  await closed.stop();
  return new Stripe(SANDBOX_SECRET_KEY, {
    host: "127.0.0.1",
    port: closed.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
}
