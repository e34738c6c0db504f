/** Asks for the reason an audited action needs; null when the person gave none or cancelled. */
export function askReason(question: string): string | null {
  const reason = window.prompt(question);
  return reason?.trim() ? reason.trim() : null;
}
