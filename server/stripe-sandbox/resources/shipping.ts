import type Stripe from "stripe";
import type { Params } from "../http/form";
import { optionalObject, optionalString, requiredString } from "../http/params";

export function parseAddress(params: Params | undefined): Stripe.Address {
  const address = params ?? {};
  const field = (name: string) => optionalString(address, name) ?? null;
  return {
    city: field("city"),
    country: field("country"),
    line1: field("line1"),
    line2: field("line2"),
    postal_code: field("postal_code"),
    state: field("state"),
  };
}

/** `shipping` as PaymentIntents and Charges carry it; an empty string clears it. */
export function parseShipping(
  params: Params,
  current: Stripe.PaymentIntent.Shipping | null,
): Stripe.PaymentIntent.Shipping | null {
  if (params.shipping === undefined) return current;
  if (params.shipping === "") return null;
  const shipping = optionalObject(params, "shipping")!;
  return {
    address: parseAddress(optionalObject(shipping, "address")),
    carrier: optionalString(shipping, "carrier") ?? null,
    name: requiredString(shipping, "name"),
    phone: optionalString(shipping, "phone") ?? null,
    tracking_number: optionalString(shipping, "tracking_number") ?? null,
  };
}
