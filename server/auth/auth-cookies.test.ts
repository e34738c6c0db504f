import { afterEach, describe, expect, it, vi } from "vitest";

async function optionsFor(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  const { authOptions } = await import("./auth-options");
  const { sessionCookieName } = await import("./auth-config");
  return { options: authOptions(), cookieName: sessionCookieName() };
}

afterEach(() => vi.unstubAllEnvs());

describe("staff session cookie", () => {
  it("is Secure and __Host- prefixed (path /, no Domain) when the app is served over HTTPS", async () => {
    const { options, cookieName } = await optionsFor("https://payops.example.test");
    expect(options.useSecureCookies).toBe(true);
    const session = options.cookies?.sessionToken;
    expect(session?.name).toBe("__Host-next-auth.session-token");
    expect(session?.options).toMatchObject({ secure: true, path: "/", httpOnly: true, sameSite: "lax" });
    expect(session?.options).not.toHaveProperty("domain");
    // The session check reads the same name.
    expect(cookieName).toBe(session?.name);
  });

  it("stays plain over HTTP (local development), where a Secure cookie would be dropped", async () => {
    const { options } = await optionsFor("http://localhost:3000");
    expect(options.useSecureCookies).toBe(false);
    expect(options.cookies?.sessionToken).toMatchObject({
      name: "next-auth.session-token",
      options: { secure: false },
    });
  });
});
