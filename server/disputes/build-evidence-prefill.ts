import { formatAddressLines } from "../formatting/format-address";
import { formatMoney } from "../money";
import type { DisputeEvidence } from "./dispute-evidence";

export type OrderFactsForEvidence = {
  orderId: string;
  publicToken: string;
  createdAt: Date;
  currency: string;
  totalMinor: number;
  customer: { name: string | null; email: string };
  shipping: {
    name: string | null;
    line1: string | null;
    line2: string | null;
    city: string | null;
    postalCode: string | null;
    country: string | null;
  };
  items: { productName: string; quantity: number; lineTotalMinor: number }[];
  paymentIntentId: string | null;
};

/** The order's facts, written as dispute evidence, so staff start from what we know rather than a blank form. */
export function buildEvidencePrefill(facts: OrderFactsForEvidence): DisputeEvidence {
  const { shipping } = facts;
  const shippingAddress = formatAddressLines(shipping).join("\n");
  const receiptLines = facts.items.map(
    (item) => `${item.quantity} × ${item.productName}: ${formatMoney(item.lineTotalMinor, facts.currency)}`,
  );
  return {
    customer_name: facts.customer.name ?? shipping.name ?? "",
    customer_email_address: facts.customer.email,
    shipping_address: shippingAddress,
    // Stripe's `receipt` takes a file; the order's own facts go in as text staff can edit.
    uncategorized_text: [
      `Order ${facts.orderId} placed ${facts.createdAt.toISOString().slice(0, 10)}`,
      ...receiptLines,
      `Total paid: ${formatMoney(facts.totalMinor, facts.currency)}`,
      facts.paymentIntentId ? `Stripe payment: ${facts.paymentIntentId}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
    product_description: facts.items.map((item) => `${item.productName} (quantity ${item.quantity})`).join("; "),
  };
}
