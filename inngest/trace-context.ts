/** Where a job event sent to Inngest carries the emitting request's W3C trace context (`traceparent`). */
export const TRACE_CONTEXT_KEY = "payopsTraceContext";

/** Splits an Inngest event's data into the job's own data and the trace context it carried. */
export function splitTraceContext(data: unknown): { data: unknown; trace: Record<string, string> | undefined } {
  if (!data || typeof data !== "object" || !(TRACE_CONTEXT_KEY in data)) return { data, trace: undefined };
  const { [TRACE_CONTEXT_KEY]: carried, ...rest } = data as Record<string, unknown>;
  const trace =
    carried && typeof carried === "object" && typeof (carried as { traceparent?: unknown }).traceparent === "string"
      ? (carried as Record<string, string>)
      : undefined;
  return { data: rest, trace };
}
