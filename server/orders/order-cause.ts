/** What made PayOps look at an order's payment again. */
export type OrderChangeCause =
  | { kind: "webhook"; stripeEventId: string }
  | { kind: "return_page" }
  | { kind: "sweeper" }
  | { kind: "outbox"; effectId: string }
  | { kind: "replay"; stripeEventId: string };

/** The text kept in order_status_history.cause. */
export function describeCause(cause: OrderChangeCause): string {
  switch (cause.kind) {
    case "webhook":
      return `stripe_event:${cause.stripeEventId}`;
    case "replay":
      return `stripe_event_replay:${cause.stripeEventId}`;
    case "return_page":
      return "return_page";
    case "sweeper":
      return "sweeper";
    case "outbox":
      return `outbox_effect:${cause.effectId}`;
  }
}
