/**
 * Everything random in a crash run, drawn from one seed: when the app is killed, when PostgreSQL
 * restarts, when the sandbox goes away, which card each checkout pays with, how much each refund
 * is, and the sandbox's own fault seed. The same seed gives the same plan, so a failing run can be
 * replayed exactly (timing on a shared machine still varies; the choices do not).
 */

/** mulberry32: a small, fast 32-bit generator; the sandbox's faults use the same family. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type CrashRunSize = {
  /** Checkouts started over the run. */
  orders: number;
  kills: number;
  /** How long the load runs; kills and outages fall inside it. */
  loadMs: number;
  postgresRestart: boolean;
  /** 0: no sandbox outage. */
  sandboxOutageMs: number;
};

export type CheckoutCard = "pm_card_visa" | "pm_card_createDispute" | "pm_card_chargeDeclined";

export type CrashPlan = {
  seed: number;
  sandboxFaultSeed: number;
  /** Milliseconds after the load starts; sorted, at least 8 s apart so each restart can finish. */
  killsAtMs: number[];
  postgresRestartAtMs: number | null;
  postgresDownMs: number;
  sandboxOutageAtMs: number | null;
  checkouts: { card: CheckoutCard; quantity: number; refunds: number[] }[];
};

const MIN_KILL_GAP_MS = 8_000;

export function crashPlan(seed: number, size: CrashRunSize): CrashPlan {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const sandboxFaultSeed = between(1, 0xffff_fffe);

  // Kills spread over the run: one inside each equal slice, never closer than the gap.
  const killsAtMs: number[] = [];
  const slice = size.loadMs / Math.max(1, size.kills);
  for (let index = 0; index < size.kills; index += 1) {
    const earliest = Math.max(index * slice + 2_000, (killsAtMs.at(-1) ?? -MIN_KILL_GAP_MS) + MIN_KILL_GAP_MS);
    const latest = Math.max(earliest, (index + 1) * slice - 1_000);
    killsAtMs.push(between(Math.round(earliest), Math.round(latest)));
  }
  const postgresRestartAtMs = size.postgresRestart ? between(size.loadMs * 0.3, size.loadMs * 0.45) : null;
  const sandboxOutageAtMs =
    size.sandboxOutageMs > 0 ? between(size.loadMs * 0.55, Math.max(size.loadMs * 0.55, size.loadMs * 0.7)) : null;

  const checkouts = Array.from({ length: size.orders }, () => {
    const roll = random();
    const card: CheckoutCard =
      roll < 0.1 ? "pm_card_createDispute" : roll < 0.18 ? "pm_card_chargeDeclined" : "pm_card_visa";
    const quantity = between(1, 3);
    // Shares of what is still refundable, in percent: none, one partial, two partials, or all of it.
    const kind = random();
    const refunds =
      card !== "pm_card_visa" || kind < 0.35
        ? []
        : kind < 0.7
          ? [between(10, 40)]
          : kind < 0.9
            ? [between(10, 40), between(10, 50)]
            : [100];
    return { card, quantity, refunds };
  });
  return {
    seed,
    sandboxFaultSeed,
    killsAtMs,
    postgresRestartAtMs,
    postgresDownMs: between(4_000, 7_000),
    sandboxOutageAtMs,
    checkouts,
  };
}
