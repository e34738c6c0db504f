import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

const base = { nonce: "bm9uY2U=", sandboxUrl: null, https: false, development: false };

describe("securityHeaders", () => {
  it("allows scripts only with the nonce or from Stripe.js, frames only from Stripe, and no framing", () => {
    const csp = securityHeaders({ ...base, pathname: "/checkout" })["content-security-policy"]!;
    const directive = (name: string) => csp.split("; ").find((part) => part.startsWith(`${name} `));
    expect(directive("script-src")).toContain("'nonce-bm9uY2U='");
    expect(directive("script-src")).toContain("https://js.stripe.com");
    expect(directive("script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(directive("frame-src")).toContain("https://js.stripe.com");
    expect(directive("frame-src")).toContain("https://hooks.stripe.com");
    expect(directive("connect-src")).toContain("https://api.stripe.com");
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive("object-src")).toBe("object-src 'none'");
  });

  it("lets the sandbox card form reach the sandbox when it is in use", () => {
    const csp = securityHeaders({ ...base, sandboxUrl: "http://127.0.0.1:12111/", pathname: "/checkout" })[
      "content-security-policy"
    ]!;
    expect(csp).toMatch(/connect-src [^;]*http:\/\/127\.0\.0\.1:12111/);
  });

  it("adds HSTS only over HTTPS and no-store only where staff data can be", () => {
    expect(securityHeaders({ ...base, pathname: "/" })["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ ...base, https: true, pathname: "/" })["strict-transport-security"]).toMatch(/max-age=/);
    for (const path of ["/dashboard", "/dashboard/orders/1", "/sign-in", "/api/trpc/orders.list"]) {
      expect(securityHeaders({ ...base, pathname: path })["cache-control"]).toBe("no-store");
    }
    expect(securityHeaders({ ...base, pathname: "/products/mug" })["cache-control"]).toBeUndefined();
    const headers = securityHeaders({ ...base, pathname: "/" });
    expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": expect.any(String) });
    expect(headers["permissions-policy"]).toContain("camera=()");
  });
});
