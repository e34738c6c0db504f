import { describe, expect, it } from "vitest";
import { parseForm } from "./form";

describe("parseForm", () => {
  it("reads the SDK's nested and indexed encoding", () => {
    const body =
      "amount=2000&payment_method_types[0]=card&payment_method_types[1]=sepa_debit&metadata[order_id]=o%201" +
      "&shipping[address][line1]=510%20Townsend&expand[]=latest_charge&expand[]=payment_method";
    expect(parseForm(body)).toEqual({
      amount: "2000",
      payment_method_types: ["card", "sepa_debit"],
      metadata: { order_id: "o 1" },
      shipping: { address: { line1: "510 Townsend" } },
      expand: ["latest_charge", "payment_method"],
    });
  });

  it("accepts percent-encoded brackets and keeps an empty value", () => {
    expect(parseForm("metadata%5Bkey%5D=&description=")).toEqual({ metadata: { key: "" }, description: "" });
  });
});
