import "./browser-zod";
import { type CheckoutContact, checkoutContactSchema } from "@/server/checkout/checkout-request";

/** What the customer types before paying; never card details. */
export type CheckoutDetails = {
  email: string;
  name: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  country: string;
};

export type DetailsErrors = Partial<Record<keyof CheckoutDetails, string>>;

const REQUIRED: [keyof CheckoutDetails, string][] = [
  ["email", "Enter your email address."],
  ["name", "Enter the full name for delivery."],
  ["line1", "Enter the street address."],
  ["city", "Enter the city."],
  ["postalCode", "Enter the postal code."],
  ["country", "Choose a country."],
];

/** The details as the checkout request carries them. */
export function toCheckoutContact(details: CheckoutDetails): CheckoutContact {
  return {
    email: details.email,
    shipping: {
      name: details.name,
      line1: details.line1,
      line2: details.line2 || undefined,
      city: details.city,
      postalCode: details.postalCode,
      country: details.country,
    },
  };
}

/**
 * The server's own schema, checked first so each field can say what is wrong: an empty field
 * asks for it in words of its own, anything else (length, format, characters) gets the server's reason.
 */
export function validateDetails(details: CheckoutDetails): DetailsErrors {
  const errors: DetailsErrors = {};
  for (const [field, message] of REQUIRED) if (!details[field].trim()) errors[field] = message;
  const parsed = checkoutContactSchema.safeParse(toCheckoutContact(details));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path.at(-1) as keyof CheckoutDetails;
    errors[field] ??= field === "email" ? "Enter a valid email address, like name@example.com." : issue.message;
  }
  return errors;
}

/** Identifies one checkout: the cart and the details. Any change makes a new checkout key. */
export function checkoutFingerprint(
  cart: { currency: string | null; lines: { productId: string; quantity: number }[] },
  details: CheckoutDetails,
): string {
  const lines = cart.lines.map((line) => `${line.productId}x${line.quantity}`).sort();
  const normalised = { ...details, email: details.email.trim().toLowerCase() };
  return JSON.stringify([cart.currency, lines, normalised]);
}

const DETAILS_KEY = "payops.checkout.details.v1";

/** Keeps the typed details for this tab, so a reload does not make the customer type them again. */
export function saveDetails(details: CheckoutDetails): void {
  try {
    window.sessionStorage.setItem(DETAILS_KEY, JSON.stringify(details));
  } catch {
    // Storage disabled: the form is simply empty after a reload.
  }
}

export function loadDetails(): Partial<CheckoutDetails> {
  try {
    const value = JSON.parse(window.sessionStorage.getItem(DETAILS_KEY) ?? "{}") as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(value).filter(([, v]) => typeof v === "string"),
    ) as Partial<CheckoutDetails>;
  } catch {
    return {};
  }
}
