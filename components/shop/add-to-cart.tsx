"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { ShopCurrency } from "@/server/catalogue/shop-currencies";
import { Button, buttonClasses } from "../ui/button";
import { Notice } from "../ui/notice";
import { QuantityStepper } from "../ui/quantity-stepper";
import { addToStoredCart } from "./cart-state";
import { currentCart, useStoredCart, writeCart } from "./cart-store";

type AddToCartProps = {
  productId: string;
  productName: string;
  currency: ShopCurrency;
  switchCurrency: (form: FormData) => Promise<void>;
};

export function AddToCart({ productId, productName, currency, switchCurrency }: AddToCartProps) {
  const cart = useStoredCart();
  const [quantity, setQuantity] = useState(1);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const quantityId = useId();
  const cartCurrency = cart && cart.lines.length > 0 ? cart.currency : null;
  const otherCurrency = cartCurrency !== null && cartCurrency !== currency ? cartCurrency : null;

  const add = () => {
    const result = addToStoredCart(currentCart(), productId, currency, quantity);
    if (!result.ok) {
      setMessage({
        tone: "error",
        text:
          result.reason === "cart-full"
            ? "Your cart is full. Remove something before adding more products."
            : "Your cart is in another currency.",
      });
      return;
    }
    writeCart(result.cart);
    setMessage({ tone: "success", text: `Added ${quantity} × ${productName} to your cart.` });
  };

  return (
    <div className="flex flex-col gap-4">
      {otherCurrency ? (
        <Notice tone="warning">
          <p>
            Your cart is priced in {otherCurrency}, and one cart holds one currency. Switch the shop to {otherCurrency}{" "}
            to add this product, or empty your cart first.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <form action={switchCurrency}>
              <button type="submit" name="currency" value={otherCurrency} className={buttonClasses("secondary", "sm")}>
                Shop in {otherCurrency}
              </button>
            </form>
            <Link href="/cart" className={buttonClasses("ghost", "sm")}>
              View cart
            </Link>
          </div>
        </Notice>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <QuantityStepper
          id={quantityId}
          label="Quantity"
          value={quantity}
          onChange={(next) => {
            setQuantity(next);
            setMessage(null);
          }}
          disabled={otherCurrency !== null}
        />
        <Button size="lg" onClick={add} disabled={otherCurrency !== null} className="grow sm:grow-0">
          Add to cart
        </Button>
      </div>
      <div aria-live="polite" className="min-h-6">
        {message ? (
          <p className={`text-sm ${message.tone === "error" ? "text-red-800" : "text-emerald-900"}`}>
            {message.text}{" "}
            {message.tone === "success" ? (
              <Link href="/cart" className="font-medium underline underline-offset-2">
                View cart
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
