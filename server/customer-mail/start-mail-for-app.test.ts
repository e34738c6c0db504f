import net from "node:net";
import { describe, expect, it } from "vitest";
import { startMailForApp } from "./start-mail-for-app";

const ports = { MAIL_CATCHER_SMTP_PORT: 0, MAIL_CATCHER_WEB_PORT: 0 };

describe("where the app's customer mails go", () => {
  it("in development without SMTP_URL, to a mail catcher it starts, whose web page answers", async () => {
    const mail = await startMailForApp({ NODE_ENV: "development", ...ports });
    try {
      expect(mail.env.SMTP_URL).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
      const webUrl = /caught at (\S+)/.exec(mail.description)?.[1];
      expect(webUrl).toBeDefined();
      const page = await fetch(webUrl!.replace("localhost", "127.0.0.1"));
      expect(await page.text()).toContain("Mails sent by PayOps");
    } finally {
      await mail.stop();
    }
  });

  it("with SMTP_URL, there, and in production without it, nowhere; neither starts a catcher", async () => {
    const configured = await startMailForApp({
      NODE_ENV: "development",
      SMTP_URL: "smtp://mail.example:587",
      ...ports,
    });
    expect(configured).toMatchObject({ env: {}, description: "customer mails go to mail.example:587" });
    const production = await startMailForApp({ NODE_ENV: "production", ...ports });
    expect(production).toMatchObject({ env: {}, description: expect.stringContaining("not sent") });
  });

  it("a catcher port already taken is said, not fatal: mails stay unsent", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const mail = await startMailForApp({
        NODE_ENV: "development",
        MAIL_CATCHER_SMTP_PORT: port,
        MAIL_CATCHER_WEB_PORT: 0,
      });
      expect(mail.env).toEqual({});
      expect(mail.description).toMatch(/could not start .*customer mails are not sent/);
    } finally {
      taken.close();
    }
  });
});
