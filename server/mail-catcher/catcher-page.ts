import type { CaughtMail } from "./caught-mail";

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

const STYLE =
  "body{font-family:system-ui,sans-serif;margin:24px;color:#1c1917}table{border-collapse:collapse;width:100%}" +
  "th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e7e5e4}iframe{width:100%;height:70vh;border:1px solid #d6d3d1}";

/** The inbox: newest first, each mail linked to its page. */
export function renderInbox(mails: CaughtMail[]): string {
  const rows = [...mails]
    .reverse()
    .map(
      (mail) =>
        `<tr><td>${escapeHtml(mail.receivedAt.replace("T", " ").slice(0, 19))} UTC</td><td>${escapeHtml(mail.to.join(", "))}</td>` +
        `<td><a href="/mails/${mail.id}">${escapeHtml(mail.subject || "(no subject)")}</a></td></tr>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>PayOps mail catcher</title><style>${STYLE}</style></head><body>
<h1>Mails sent by PayOps</h1><p>${mails.length} caught since the catcher started; the page refreshes every 5 seconds. Nothing here left this machine.</p>
<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No mail yet.</td></tr>'}</tbody></table></body></html>`;
}

/** One mail: its headers, the HTML part in a sandboxed frame, and the text part. */
export function renderMessage(mail: CaughtMail): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title><style>${STYLE}</style></head><body>
<p><a href="/">← All mails</a></p><h1>${escapeHtml(mail.subject)}</h1>
<p>From ${escapeHtml(mail.from)} to ${escapeHtml(mail.to.join(", "))}, received ${escapeHtml(mail.receivedAt)}</p>
<iframe title="The mail as HTML" sandbox="" srcdoc="${escapeHtml(mail.html)}"></iframe>
<h2>Text part</h2><pre>${escapeHtml(mail.text)}</pre></body></html>`;
}
