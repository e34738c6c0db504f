import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  it("uses the socket address (the rightmost entry) when no proxy is trusted, whatever the client forged", () => {
    expect(clientIp(forwardedFor("203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientIp(forwardedFor("1.2.3.4, 5.6.7.8, 203.0.113.9"), 0)).toBe("203.0.113.9");
  });

  it("skips one entry per trusted hop, never believing entries left of them", () => {
    // client forged 6.6.6.6; the proxy saw 198.51.100.7; the proxy itself connected from 10.0.0.2
    const headers = forwardedFor("6.6.6.6, 198.51.100.7, 10.0.0.2");
    expect(clientIp(headers, 1)).toBe("198.51.100.7");
    expect(clientIp(headers, 2)).toBe("6.6.6.6");
  });

  it("falls back to the furthest entry when there are fewer entries than trusted hops", () => {
    expect(clientIp(forwardedFor("198.51.100.7"), 3)).toBe("198.51.100.7");
  });

  it("folds IPv4-mapped IPv6 addresses and refuses non-addresses as one bucket", () => {
    expect(clientIp(forwardedFor("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(forwardedFor("::1"), 0)).toBe("::1");
    expect(clientIp(forwardedFor("not-an-ip"), 0)).toBe("invalid");
    expect(clientIp(new Headers(), 0)).toBe("unknown");
  });
});
