import { DateTime } from "@/components/ui/date-time";
import { traceLink } from "@/server/observability/trace-link";
import type { TimelineEntry } from "@/server/orders-workspace/build-order-timeline";
import { DetailSection, EmptyNote } from "./detail-section";

const KIND_LABELS: Record<TimelineEntry["kind"], string> = {
  status_change: "Status",
  stripe_event: "Stripe",
  staff_action: "Staff",
};

/** The order's story in words; each entry's raw event name, transition and ids sit behind "Details". */
export function OrderTimeline({
  entries,
  traceUrlTemplate,
}: {
  entries: TimelineEntry[];
  /** TRACE_URL_TEMPLATE: with it each trace id links to the viewer, without it the id is shown to copy. */
  traceUrlTemplate?: string;
}) {
  return (
    <DetailSection id="timeline-heading" title="Timeline">
      {entries.length === 0 ? (
        <EmptyNote>Nothing has happened to this order yet.</EmptyNote>
      ) : (
        <ol className="space-y-2">
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.ref}`} className="flex flex-wrap gap-x-3" data-testid="timeline-entry">
              <span className="w-44 shrink-0 text-stone-700">
                <DateTime value={entry.at} />
              </span>
              <span className="w-14 shrink-0 rounded bg-stone-100 px-1.5 text-center text-xs leading-6">
                {KIND_LABELS[entry.kind]}
              </span>
              <span className="min-w-0 flex-1">
                <span className="font-medium">{entry.title}</span>
                {entry.detail ? <span className="text-stone-700"> · {entry.detail}</span> : null}
                <details className="text-xs text-stone-700">
                  <summary className="cursor-pointer">Details</summary>
                  <code className="break-all">{entry.technical}</code>
                </details>
                {entry.traceId ? <TraceReference traceId={entry.traceId} template={traceUrlTemplate} /> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </DetailSection>
  );
}

/** "Trace" next to a webhook receipt or staff action: a link to the viewer, or the id to copy. */
function TraceReference({ traceId, template }: { traceId: string; template: string | undefined }) {
  const href = traceLink(traceId, template);
  if (href) {
    return (
      <a
        href={href}
        target="_blank"
        rel="noreferrer"
        className="text-xs text-blue-800 underline"
        data-testid="trace-link"
      >
        Trace
      </a>
    );
  }
  return (
    <span className="text-xs text-stone-700" data-testid="trace-id">
      Trace <code className="select-all break-all">{traceId}</code>
    </span>
  );
}
