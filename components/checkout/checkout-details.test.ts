import { describe, expect, it } from "vitest";
import { type CheckoutDetails, checkoutFingerprint, validateDetails } from "./checkout-details";

const details: CheckoutDetails = {
  email: "ada@example.com",
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  line2: "",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};

describe("checkout details", () => {
  it("accepts complete details and names each missing field", () => {
    expect(validateDetails(details)).toEqual({});
    const errors = validateDetails({ ...details, city: " ", email: "ada@" });
    expect(Object.keys(errors).sort()).toEqual(["city", "email"]);
  });

  it("applies the server's length limits before sending", () => {
    const errors = validateDetails({
      ...details,
      name: "A".repeat(121),
      postalCode: "1".repeat(21),
      line2: "x".repeat(201),
    });
    expect(errors).toEqual({
      name: "Full name must be at most 120 characters",
      postalCode: "Postal code must be at most 20 characters",
      line2: "Address line 2 must be at most 200 characters",
    });
    expect(validateDetails({ ...details, email: `${"a".repeat(250)}@example.com` })).toHaveProperty("email");
  });

  it("identifies a checkout by cart and details, whatever the line order or email case", () => {
    const cart = {
      currency: "USD",
      lines: [
        { productId: "a", quantity: 1 },
        { productId: "b", quantity: 2 },
      ],
    };
    const reordered = { currency: "USD", lines: [...cart.lines].reverse() };
    expect(checkoutFingerprint(cart, details)).toBe(
      checkoutFingerprint(reordered, { ...details, email: "ADA@example.com" }),
    );
    expect(checkoutFingerprint(cart, details)).not.toBe(checkoutFingerprint(cart, { ...details, city: "Paris" }));
    expect(checkoutFingerprint(cart, details)).not.toBe(
      checkoutFingerprint({ currency: "USD", lines: [{ productId: "a", quantity: 2 }] }, details),
    );
  });
});
