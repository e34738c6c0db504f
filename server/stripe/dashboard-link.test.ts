import { describe, expect, it } from "vitest";
import { stripeDashboardUrl, stripeModeOfKey } from "./dashboard-link";

describe("stripeDashboardUrl", () => {
  it("links each object to its page in the test or live Dashboard", () => {
    expect(stripeDashboardUrl("pi_3Abc", "test")).toBe("https://dashboard.stripe.com/test/payments/pi_3Abc");
    expect(stripeDashboardUrl("pi_3Abc", "live")).toBe("https://dashboard.stripe.com/payments/pi_3Abc");
    expect(stripeDashboardUrl("re_1X", "live")).toBe("https://dashboard.stripe.com/refunds/re_1X");
    expect(stripeDashboardUrl("du_9", "test")).toBe("https://dashboard.stripe.com/test/disputes/du_9");
  });

  it("links nothing it cannot place", () => {
    expect(stripeDashboardUrl("cs_test_1", "test")).toBeNull();
    expect(stripeDashboardUrl("pi_1/../x", "test")).toBeNull();
  });

  it("reads the mode from the secret key; the sandbox's key is a test key", () => {
    expect(stripeModeOfKey("sk_live_abc")).toBe("live");
    expect(stripeModeOfKey("rk_live_abc")).toBe("live");
    expect(stripeModeOfKey("sk_test_payops_sandbox")).toBe("test");
    expect(stripeModeOfKey(undefined)).toBe("test");
  });
});
