import { serverEnv } from "../env";
import type { JobContext } from "../jobs/job-definition";
import type { EffectOutcome, EffectPerformers, OutboxEffectRow } from "../jobs/outbox/outbox-effect";
import { formatMoney } from "../money";
import { loadMailOrder, type MailOrder } from "./load-mail-order";
import {
  type RenderedMail,
  renderOrderConfirmation,
  renderPaymentFailed,
  renderRefundNotice,
} from "./render-customer-mail";
import { appMailer, type Mailer } from "./smtp-mailer";

type MailOptions = { mailer?: () => Mailer | null; appUrl?: () => string };

/** A Message-ID from the effect's key: a mail sent again after a lost answer carries the same one. */
function messageIdOf(effect: OutboxEffectRow): string {
  return `<${effect.idempotencyKey.replaceAll(/[^A-Za-z0-9.-]+/g, ".")}@payops.mail>`;
}

/**
 * The customer mails, sent from the outbox after the fact committed. Without SMTP_URL a mail is
 * recorded as done, not sent, so nothing waits or fails for it; an SMTP server that does not
 * answer is a passing failure (thrown: the outbox backs off and tries again, then parks it).
 * SMTP takes no idempotency key, so a mail whose answer was lost may arrive twice, with one
 * Message-ID.
 */
export function customerMailEffects(options: MailOptions = {}): EffectPerformers {
  const mailerOf = options.mailer ?? appMailer;
  const appUrlOf = options.appUrl ?? (() => serverEnv().APP_URL);

  async function deliver(
    effect: OutboxEffectRow,
    context: JobContext,
    orderId: string,
    build: (order: MailOrder) => Promise<RenderedMail | null>,
  ): Promise<EffectOutcome> {
    const mailer = mailerOf();
    if (!mailer) return { kind: "done", result: "not sent: SMTP_URL is not set" };
    const order = await loadMailOrder(context.prisma, orderId, appUrlOf());
    if (!order) return { kind: "done", result: "not sent: the order no longer exists" };
    const mail = await build(order);
    if (!mail) return { kind: "done", result: "not sent: nothing to tell the customer" };
    await mailer.send(mail, messageIdOf(effect));
    return { kind: "done", result: `sent to ${mail.to}: ${mail.subject}` };
  }

  return {
    "mail.order.confirmation": (effect, context) =>
      deliver(effect, context, effect.subjectId, (order) => renderOrderConfirmation(order)),
    "mail.payment.failed": (effect, context) => {
      const reason = (effect.payload as { reason?: string | null } | null)?.reason ?? null;
      return deliver(effect, context, effect.subjectId, (order) => renderPaymentFailed(order, reason));
    },
    "mail.refund.notice": async (effect, context) => {
      const refund = await context.prisma.refund.findUnique({ where: { id: effect.subjectId } });
      if (!refund) return { kind: "done", result: "not sent: the refund no longer exists" };
      const succeeded = await context.prisma.refund.aggregate({
        where: { orderId: refund.orderId, status: "succeeded", createdAt: { lte: refund.createdAt } },
        _sum: { amountMinor: true },
      });
      return deliver(effect, context, refund.orderId, (order) => {
        const refundedMinor = succeeded._sum.amountMinor ?? refund.amountMinor;
        return renderRefundNotice(order, {
          amount: formatMoney(refund.amountMinor, order.currency),
          refundedInAll: formatMoney(refundedMinor, order.currency),
          inFull: refundedMinor >= order.totalMinor,
        });
      });
    },
  };
}
