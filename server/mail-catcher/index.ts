import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { renderInbox, renderMessage } from "./catcher-page";
import type { CaughtMail } from "./caught-mail";

export type { CaughtMail } from "./caught-mail";

export type RunningMailCatcher = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  smtpUrl: string;
  /** The web page listing what arrived. */
  webUrl: string;
  mails(): CaughtMail[];
  /** Resolves with the first mail that matches, waiting for it to arrive. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
};

function addresses(field: ParsedMail["to"] | ParsedMail["from"]): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((group) => group.value.map((entry) => entry.address ?? "")).filter(Boolean);
}

/**
 * A local SMTP server that keeps every mail in memory and shows them on a web page: what
 * development and the tests send customer mails to. Real SMTP over a socket (smtp-server), real
 * MIME parsing (mailparser); no authentication, no TLS, loopback only, nothing leaves the machine.
 */
export async function startMailCatcher(options: { smtpPort?: number; webPort?: number; host?: string } = {}) {
  const host = options.host ?? "127.0.0.1";
  const caught: CaughtMail[] = [];
  const waiters = new Set<() => void>();

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          caught.push({
            id: randomUUID(),
            messageId: parsed.messageId ?? null,
            from: addresses(parsed.from)[0] ?? "",
            to: addresses(parsed.to),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            receivedAt: new Date().toISOString(),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://catcher.local");
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(body);
    };
    if (url.pathname === "/api/mails") return send(200, "application/json", JSON.stringify(caught));
    if (url.pathname === "/favicon.ico") return send(204, "image/x-icon", "");
    const open = /^\/mails\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (open) {
      const mail = caught.find((candidate) => candidate.id === open[1]);
      return mail
        ? send(200, "text/html; charset=utf-8", renderMessage(mail))
        : send(404, "text/plain", "No such mail");
    }
    if (url.pathname === "/") return send(200, "text/html; charset=utf-8", renderInbox(caught));
    send(404, "text/plain", "Not found");
  });
  try {
    await new Promise<void>((resolve, reject) => {
      web.once("error", reject);
      web.listen(options.webPort ?? 0, host, () => resolve());
    });
  } catch (error) {
    // The web port was taken: let go of the SMTP port too, so nothing half-started lingers.
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }

  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const webPort = (web.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: `http://${host}:${webPort}`,
    mails: () => [...caught],
    waitFor(match, timeoutMs = 5_000) {
      return new Promise<CaughtMail>((resolve, reject) => {
        const check = () => {
          const found = caught.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching mail arrived within ${timeoutMs} ms (${caught.length} caught)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => web.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  } satisfies RunningMailCatcher;
}
