import { z } from "zod";
import { AppError } from "../errors";
import { unstorableTextReason } from "../validation/storable-input";

const text = (label: string, max: number) =>
  z
    .string(`${label} is required`)
    .refine((value) => unstorableTextReason(value) === null, `${label} contains a character we cannot store`)
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const shippingAddressSchema = z.object({
  name: text("Full name", 120),
  line1: text("Address", 200),
  line2: z
    .string()
    .refine((value) => unstorableTextReason(value) === null, "Address line 2 contains a character we cannot store")
    .trim()
    .max(200, "Address line 2 must be at most 200 characters")
    .optional(),
  city: text("City", 100),
  postalCode: text("Postal code", 20),
  country: z
    .string("Country is required")
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Country must be a two-letter country code"),
});

export const checkoutRequestSchema = z.object({
  /** Made by the browser once per checkout; the same key always leads to the same order. */
  checkoutKey: z
    .string("checkoutKey is required")
    .regex(/^[A-Za-z0-9_-]{16,100}$/, "checkoutKey must be 16 to 100 letters, digits, - or _"),
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  shipping: shippingAddressSchema,
  /** Product ids and quantities only; checkout prices them from the catalogue. */
  cart: z.unknown(),
});

/** What the customer types on the checkout page; the browser checks it with this same schema. */
export const checkoutContactSchema = checkoutRequestSchema.pick({ email: true, shipping: true });

export type ShippingAddress = z.infer<typeof shippingAddressSchema>;
export type CheckoutContact = z.input<typeof checkoutContactSchema>;
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

/** Throws AppError BAD_REQUEST naming the first problem, with its field path for the form. */
export function parseCheckoutRequest(input: unknown): CheckoutRequest {
  const parsed = checkoutRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("BAD_REQUEST", issue.message, { path: issue.path });
  }
  return parsed.data;
}
