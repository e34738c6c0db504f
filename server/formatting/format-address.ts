import addressFormatter from "@fragaria/address-formatter";

export type PostalAddress = {
  name?: string | null;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  postalCode?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
};

/**
 * An address as the post of its country writes it (the OpenCage templates): "Springfield, 62701"
 * in the United States, "10117 Berlin" in Germany, one line per array entry, the country last.
 */
export function formatAddressLines(address: PostalAddress): string[] {
  const countryCode = address.country?.trim().toUpperCase() || undefined;
  const line1 = address.line1?.trim() || undefined;
  const fields = {
    attention: address.name?.trim(),
    road: line1,
    city: address.city?.trim(),
    postcode: address.postalCode?.trim(),
    countryCode,
  };
  // The formatter writes an absent field as "undefined": pass only what is there.
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value));
  const lines = addressFormatter.format(present, { output: "array", appendCountry: Boolean(countryCode) });
  const line2 = address.line2?.trim();
  if (!line2) return lines;
  // The templates know no second street line; it goes right under the first.
  const after = line1 ? lines.indexOf(line1) : -1;
  lines.splice(after === -1 ? lines.length : after + 1, 0, line2);
  return lines;
}

/** The shipping columns an order stores, as the order tables name them. */
export type OrderShippingColumns = {
  shippingName: string | null;
  shippingLine1: string | null;
  shippingLine2: string | null;
  shippingCity: string | null;
  shippingPostalCode: string | null;
  shippingCountry: string | null;
};

/** Those columns as a query selects them (spread into a Prisma `select`). */
export const SHIPPING_COLUMNS = {
  shippingName: true,
  shippingLine1: true,
  shippingLine2: true,
  shippingCity: true,
  shippingPostalCode: true,
  shippingCountry: true,
} as const satisfies Record<keyof OrderShippingColumns, true>;

/** An order's delivery address from its columns. */
export function shippingAddressOf(order: OrderShippingColumns): Required<PostalAddress> {
  return {
    name: order.shippingName,
    line1: order.shippingLine1,
    line2: order.shippingLine2,
    city: order.shippingCity,
    postalCode: order.shippingPostalCode,
    country: order.shippingCountry,
  };
}

/** An order's delivery address, one line per entry, as its destination's post writes it. */
export function formatShippingAddressLines(order: OrderShippingColumns): string[] {
  return formatAddressLines(shippingAddressOf(order));
}
