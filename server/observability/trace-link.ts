const TRACE_ID = /^[0-9a-f]{32}$/;

/**
 * Where staff open a trace: TRACE_URL_TEMPLATE with `{traceId}` filled in, or null without a
 * template (the screen then shows the id to copy) or for anything that is not a trace id.
 */
export function traceLink(traceId: string | null, template: string | undefined): string | null {
  if (!traceId || !TRACE_ID.test(traceId) || !template) return null;
  return template.replaceAll("{traceId}", traceId);
}
