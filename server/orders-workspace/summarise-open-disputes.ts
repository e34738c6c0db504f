import type { PrismaClient } from "../db/client";

export type OpenDisputesSummary = { open: number; nearestDeadline: Date | null; nearestDisputeId: string | null };

const OPEN_STATUSES = ["warning_needs_response", "needs_response", "warning_under_review", "under_review"];

/**
 * Open disputes as the Stripe event inbox last described them: the newest event per dispute wins,
 * by Stripe's `created`. The disputes room can answer this from its own table instead.
 */
export async function summariseOpenDisputes(prisma: PrismaClient): Promise<OpenDisputesSummary> {
  const [row] = await prisma.$queryRaw<{ open: number; due_by: bigint | null; dispute_id: string | null }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (payload #>> '{data,object,id}')
             payload #>> '{data,object,id}' AS dispute_id,
             payload #>> '{data,object,status}' AS status,
             (payload #>> '{data,object,evidence_details,due_by}')::bigint AS due_by
      FROM stripe_events
      WHERE type LIKE 'charge.dispute.%'
      ORDER BY payload #>> '{data,object,id}', stripe_created_at DESC, received_at DESC
    ), open AS (SELECT * FROM latest WHERE status IN (${OPEN_STATUSES[0]}, ${OPEN_STATUSES[1]}, ${OPEN_STATUSES[2]}, ${OPEN_STATUSES[3]}))
    SELECT (SELECT count(*) FROM open)::int AS open, nearest.due_by, nearest.dispute_id
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
      SELECT due_by, dispute_id FROM open
      WHERE status IN ('warning_needs_response', 'needs_response') AND due_by IS NOT NULL
      ORDER BY due_by LIMIT 1
    ) nearest ON true`;
  return {
    open: row?.open ?? 0,
    nearestDeadline: row?.due_by ? new Date(Number(row.due_by) * 1000) : null,
    nearestDisputeId: row?.dispute_id ?? null,
  };
}
