import type { Tx } from "../db/client";

/**
 * The Stripe events that told PayOps about the seeded orders in `seed_money` (see
 * seed-order-money.ts), as the inbox stores them once processed: the PaymentIntent's creation,
 * its success, a refund, a dispute. Their payloads carry only what the order page reads.
 */
export async function seedOrderEvents(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`
    INSERT INTO stripe_events (id, stripe_event_id, type, payload, order_key, stripe_created_at, received_at,
                               processed_at, attempts, outcome)
    SELECT gen_random_uuid(), e.event_id, e.type,
           jsonb_build_object('id', e.event_id, 'type', e.type, 'data', jsonb_build_object('object', e.object)),
           coalesce(e.object #>> '{metadata,order_id}', e.object ->> 'payment_intent', e.object ->> 'id'),
           e.at, e.at + interval '1 second', e.at + interval '1 second', 1, 'applied'
      FROM (
        SELECT 'evt_seed_created_' || ref AS event_id, 'payment_intent.created' AS type, created_at AS at,
               jsonb_build_object('id', 'pi_seed_' || ref, 'object', 'payment_intent',
                                  'metadata', jsonb_build_object('order_id', id)) AS object
          FROM seed_money
        UNION ALL
        SELECT 'evt_seed_succeeded_' || ref, 'payment_intent.succeeded', created_at + interval '2 seconds',
               jsonb_build_object('id', 'pi_seed_' || ref, 'object', 'payment_intent',
                                  'metadata', jsonb_build_object('order_id', id))
          FROM seed_money WHERE captured > 0
        UNION ALL
        SELECT 'evt_seed_refunded_' || ref, 'charge.refunded', refunded_at,
               jsonb_build_object('id', 'ch_seed_' || ref, 'object', 'charge', 'payment_intent', 'pi_seed_' || ref)
          FROM seed_money WHERE refunded > 0
        UNION ALL
        SELECT 'evt_seed_disputed_' || ref, 'charge.dispute.created', disputed_at,
               jsonb_build_object('id', 'dp_seed_' || ref, 'object', 'dispute', 'charge', 'ch_seed_' || ref,
                                  'payment_intent', 'pi_seed_' || ref)
          FROM seed_money WHERE status = 'disputed' AND captured > 0
      ) e`);
}
