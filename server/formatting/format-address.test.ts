import { describe, expect, it } from "vitest";
import { formatAddressLines } from "./format-address";

describe("formatAddressLines", () => {
  it("puts a US postal code after the city", () => {
    expect(
      formatAddressLines({
        name: "Ann Lee",
        line1: "5 Main St",
        city: "Springfield",
        postalCode: "62701",
        country: "US",
      }),
    ).toEqual(["Ann Lee", "5 Main St", "Springfield, 62701", "United States of America"]);
  });

  it("puts a German postal code before the city, and a second street line under the first", () => {
    expect(
      formatAddressLines({
        name: "Jo Schmidt",
        line1: "Unter den Linden 5",
        line2: "Hinterhaus",
        city: "Berlin",
        postalCode: "10117",
        country: "de",
      }),
    ).toEqual(["Jo Schmidt", "Unter den Linden 5", "Hinterhaus", "10117 Berlin", "Germany"]);
  });

  it("writes a British postcode on its own line", () => {
    expect(
      formatAddressLines({ line1: "221B Baker Street", city: "London", postalCode: "NW1 6XE", country: "GB" }),
    ).toEqual(["221B Baker Street", "London", "NW1 6XE", "United Kingdom"]);
  });
});
