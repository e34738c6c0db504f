import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./check-request-origin";

const APP = "https://shop.example.test";
const post = (pathname: string, headers: Record<string, string>) =>
  crossSiteRefusal({ method: "POST", pathname, headers: new Headers(headers), allowedOrigin: APP });

describe("crossSiteRefusal", () => {
  it("accepts same-origin state changes and refuses ones from another site", () => {
    expect(post("/api/trpc/refunds.request", { origin: APP, "sec-fetch-site": "same-origin" })).toBeNull();
    expect(post("/api/trpc/refunds.request", { origin: "https://evil.example" })).toMatch(/evil\.example/);
    expect(post("/api/auth/callback/credentials", { origin: "null" })).not.toBeNull();
    expect(post("/dashboard", { "sec-fetch-site": "cross-site" })).not.toBeNull();
    expect(post("/dashboard", { "sec-fetch-site": "same-site" })).not.toBeNull();
  });

  it("lets reads through, and the signed server-to-server routes, whatever their origin", () => {
    const evil = new Headers({ origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(
      crossSiteRefusal({ method: "GET", pathname: "/api/trpc/orders.list", headers: evil, allowedOrigin: APP }),
    ).toBeNull();
    expect(post("/api/stripe/webhook", { origin: "https://evil.example" })).toBeNull();
    expect(post("/api/inngest", { "sec-fetch-site": "cross-site" })).toBeNull();
    expect(post("/api/stripe/webhookx", { origin: "https://evil.example" })).not.toBeNull();
  });

  it("accepts callers that are not browsers (no Origin, no Sec-Fetch-Site)", () => {
    expect(post("/api/trpc/checkout.start", {})).toBeNull();
  });
});
