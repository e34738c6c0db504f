import { escapeUnstorableText, storableCreatedSeconds, storableEventBody } from "./storable-event";
import { verifyStripeSignature } from "./verify-stripe-signature";

/** What the inbox keeps of an event; the full body is stored as received. */
export type InboxEvent = {
  stripeEventId: string;
  type: string;
  livemode: boolean;
  /** Null when Stripe's `created` is beyond what PostgreSQL holds (stored as the time of receipt). */
  createdSeconds: number | null;
  /** As received, or with NULs and lone surrogates escaped when jsonb could not hold them. */
  rawBody: string;
  /** The order the event is about, or the Stripe object when it names no order: one job per key at a time. */
  orderKey: string;
  /**
   * The PaymentIntent of an object that names no order (a dispute, a charge or refund without our
   * metadata): the inbox resolves the order through it, so the key matches the order's other events.
   */
  paymentIntentId: string | null;
};

export type ParsedWebhook = { ok: true; event: InboxEvent } | { ok: false; status: 400; reason: string };

type EventShape = {
  id?: unknown;
  type?: unknown;
  created?: unknown;
  livemode?: unknown;
  data?: {
    object?: { id?: unknown; object?: unknown; payment_intent?: unknown; metadata?: { order_id?: unknown } };
  };
};

/** The one definition of an event's order key; the inbox stores it, the sweeper reads it back. */
function orderKeyOf(event: EventShape, stripeEventId: string): string {
  const object = event.data?.object;
  const candidates = [object?.metadata?.order_id, object?.payment_intent, object?.id];
  const key = candidates.find((candidate) => typeof candidate === "string" && candidate.length > 0);
  return typeof key === "string" ? key : stripeEventId;
}

function paymentIntentOf(event: EventShape): string | null {
  const object = event.data?.object;
  const named = object?.metadata?.order_id;
  if (typeof named === "string" && named.length > 0) return null;
  const candidate = object?.object === "payment_intent" ? object.id : object?.payment_intent;
  return typeof candidate === "string" && candidate.startsWith("pi_") ? escapeUnstorableText(candidate) : null;
}

/** Verifies the signature first (nothing unauthenticated is parsed), then checks the event's shape. */
export function parseStripeWebhook(body: Buffer, signature: string | null, secrets: readonly string[]): ParsedWebhook {
  const check = verifyStripeSignature(body, signature, secrets);
  if (!check.ok) return { ok: false, status: 400, reason: `invalid signature: ${check.reason}` };
  const rawBody = body.toString("utf8");
  let event: EventShape;
  try {
    event = JSON.parse(rawBody) as EventShape;
  } catch {
    return { ok: false, status: 400, reason: "body is not valid JSON" };
  }
  if (typeof event !== "object" || event === null) return { ok: false, status: 400, reason: "body is not an event" };
  const { id, type, created } = event;
  if (typeof id !== "string" || !id.startsWith("evt_") || typeof type !== "string" || typeof created !== "number") {
    return { ok: false, status: 400, reason: "event needs an evt_ id, a type and a created time" };
  }
  return {
    ok: true,
    event: {
      stripeEventId: escapeUnstorableText(id),
      type: escapeUnstorableText(type),
      livemode: event.livemode === true,
      createdSeconds: storableCreatedSeconds(created),
      rawBody: storableEventBody(rawBody, event),
      orderKey: escapeUnstorableText(orderKeyOf(event, id)),
      paymentIntentId: paymentIntentOf(event),
    },
  };
}
