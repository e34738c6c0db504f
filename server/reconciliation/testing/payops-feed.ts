// Test support: PayOps's side of a sandbox account. Every change Stripe would announce by webhook
// is posted to the ledger through the postings the webhook handlers call, except what a test says
// PayOps never heard of (a dropped webhook, a charge made directly at Stripe, a copy Stripe made).
import type Stripe from "stripe";
import type { PrismaClient } from "../../db/client";
import { applyLedgerEvent } from "../../ledger/testing/apply-ledger-event";
import { SandboxLedgerFeed } from "../../ledger/testing/sandbox-ledger-feed";
import type { LedgerEvent } from "../../ledger/testing/stripe-account-model";

export class PayopsFeed {
  private readonly feed: SandboxLedgerFeed;
  private applied = 0;
  /** Balance transaction ids or source ids whose events never reach PayOps. */
  readonly unheard = new Set<string>();

  constructor(
    stripe: Stripe,
    currency: string,
    private readonly prisma: PrismaClient,
  ) {
    this.feed = new SandboxLedgerFeed(stripe, currency);
  }

  private heard(event: LedgerEvent): boolean {
    const bt = "bt" in event ? event.bt : undefined;
    if (!bt) return true;
    return !this.unheard.has(bt.id) && !this.unheard.has(typeof bt.source === "string" ? bt.source : "");
  }

  /** Reads what changed at Stripe and posts it, in transactions of a few hundred postings. */
  async sync(): Promise<void> {
    await this.feed.observe();
    const pending = this.feed.events.slice(this.applied).filter((event) => this.heard(event));
    this.applied = this.feed.events.length;
    for (let start = 0; start < pending.length; start += 250) {
      const chunk = pending.slice(start, start + 250);
      await this.prisma.$transaction(
        async (tx) => {
          for (const event of chunk) await applyLedgerEvent(tx, event);
        },
        { timeout: 120_000 },
      );
    }
  }

  /** Posts one event PayOps missed before (a webhook redelivered). */
  async deliverLate(match: (event: LedgerEvent) => boolean): Promise<void> {
    const events = this.feed.events.filter(match);
    await this.prisma.$transaction(async (tx) => {
      for (const event of events) await applyLedgerEvent(tx, event);
    });
  }
}
