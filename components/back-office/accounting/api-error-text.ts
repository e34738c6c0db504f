/** What a failed call says to the person: the server's reason, or the input problems. */
export function apiErrorText(error: unknown, fallback: string): string {
  const data = (error as { data?: { zodIssues?: string[] | null } } | null)?.data;
  if (data?.zodIssues?.length) return data.zodIssues.join("; ");
  return error instanceof Error && error.message ? error.message : fallback;
}
