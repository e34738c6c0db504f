import nodemailer from "nodemailer";
import { serverEnv } from "../env";
import type { RenderedMail } from "./render-customer-mail";

/** Sends one mail; `messageId` names it so a repeat after a lost answer is recognisable. */
export type Mailer = { send(mail: RenderedMail, messageId: string): Promise<void> };

/** A mailer over SMTP (`smtp://host:port`, `smtps://user:password@host:port`). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail, messageId) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId,
      });
    },
  };
}

const globalForMail = globalThis as unknown as { payopsMailer?: Mailer | null };

/** The app's mailer from SMTP_URL and MAIL_FROM, or null when SMTP_URL is unset (mails are then not sent). */
export function appMailer(): Mailer | null {
  if (globalForMail.payopsMailer === undefined) {
    const env = serverEnv();
    globalForMail.payopsMailer = env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : null;
  }
  return globalForMail.payopsMailer;
}
