/** One mail as the catcher keeps it. */
export type CaughtMail = {
  id: string;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
};
