import { startMailCatcher } from "../mail-catcher";

export type MailForApp = { env: Record<string, string>; description: string; stop(): Promise<void> };

/**
 * Where the app's customer mails go. With SMTP_URL set, there. In development without it, a
 * local mail catcher on MAIL_CATCHER_SMTP_PORT with its web page on MAIL_CATCHER_WEB_PORT (a port
 * already taken is said, not fatal: mails then stay unsent). In production without it, nowhere:
 * mail effects are recorded as not sent.
 */
export async function startMailForApp(env: {
  NODE_ENV: string;
  SMTP_URL?: string | undefined;
  MAIL_CATCHER_SMTP_PORT: number;
  MAIL_CATCHER_WEB_PORT: number;
}): Promise<MailForApp> {
  const none = async () => {};
  if (env.SMTP_URL) return { env: {}, description: `customer mails go to ${new URL(env.SMTP_URL).host}`, stop: none };
  if (env.NODE_ENV !== "development") {
    return { env: {}, description: "SMTP_URL is not set: customer mails are not sent", stop: none };
  }
  try {
    const catcher = await startMailCatcher({
      smtpPort: env.MAIL_CATCHER_SMTP_PORT,
      webPort: env.MAIL_CATCHER_WEB_PORT,
    });
    const webUrl = catcher.webUrl.replace("127.0.0.1", "localhost");
    return {
      env: { SMTP_URL: catcher.smtpUrl },
      description: `customer mails are caught at ${webUrl}`,
      stop: catcher.stop,
    };
  } catch (error) {
    return {
      env: {},
      description: `the mail catcher could not start (${error instanceof Error ? error.message : String(error)}): customer mails are not sent`,
      stop: none,
    };
  }
}
