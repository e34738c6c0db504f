-- AlterTable
ALTER TABLE "stripe_events" ADD COLUMN     "order_key" TEXT;

-- Events stored before the key was kept get it once, by the rule the webhook route applies on
-- arrival (the first non-empty string of metadata.order_id, payment_intent, the object's id, else
-- the event id); from now on only the route works it out.
UPDATE "stripe_events" SET "order_key" = COALESCE(
  NULLIF(CASE WHEN jsonb_typeof(payload #> '{data,object,metadata,order_id}') = 'string'
              THEN payload #>> '{data,object,metadata,order_id}' END, ''),
  NULLIF(CASE WHEN jsonb_typeof(payload #> '{data,object,payment_intent}') = 'string'
              THEN payload #>> '{data,object,payment_intent}' END, ''),
  NULLIF(CASE WHEN jsonb_typeof(payload #> '{data,object,id}') = 'string'
              THEN payload #>> '{data,object,id}' END, ''),
  "stripe_event_id");

ALTER TABLE "stripe_events" ALTER COLUMN "order_key" SET NOT NULL;
