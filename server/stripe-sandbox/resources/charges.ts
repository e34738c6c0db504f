import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { resourceMissing } from "../http/errors";
import type { CardBehaviour } from "./test-cards";

export interface ChargeInput {
  paymentIntent: Stripe.PaymentIntent;
  method: Stripe.PaymentMethod;
  card: CardBehaviour | null;
  status: Stripe.Charge.Status;
  captured: boolean;
  threeDSecure: boolean;
}

function outcome(card: CardBehaviour | null, status: Stripe.Charge.Status): Stripe.Charge.Outcome {
  const risk = card?.risk ?? { level: "normal", score: 12 };
  const base = {
    advice_code: null,
    network_advice_code: null,
    network_decline_code: null,
    risk_level: risk.level,
    risk_score: risk.score,
  };
  if (status === "failed" && card?.blocked) {
    return {
      ...base,
      network_status: "not_sent_to_network",
      reason: risk.level === "highest" ? "highest_risk_level" : "rule",
      seller_message: "Stripe blocked this payment as too risky.",
      type: "blocked",
    };
  }
  if (status === "failed") {
    return {
      ...base,
      network_status: "declined_by_network",
      reason: card?.decline?.declineCode ?? "generic_decline",
      seller_message: `The bank returned the decline code \`${card?.decline?.declineCode ?? "generic_decline"}\`.`,
      type: "issuer_declined",
    };
  }
  if (risk.level === "elevated") {
    return {
      ...base,
      network_status: "approved_by_network",
      reason: "elevated_risk_level",
      seller_message:
        "Stripe evaluated this payment as having elevated risk, and placed it in your manual review queue.",
      type: "manual_review",
    };
  }
  return {
    ...base,
    network_status: "approved_by_network",
    reason: null,
    seller_message: "Payment complete.",
    type: "authorized",
  };
}

function paymentMethodDetails(input: ChargeInput, amount: number): Stripe.Charge.PaymentMethodDetails {
  const { method } = input;
  if (method.type === "sepa_debit" && method.sepa_debit) {
    return {
      type: "sepa_debit",
      sepa_debit: {
        bank_code: method.sepa_debit.bank_code,
        branch_code: method.sepa_debit.branch_code,
        country: method.sepa_debit.country,
        expected_debit_date: undefined,
        fingerprint: method.sepa_debit.fingerprint,
        last4: method.sepa_debit.last4,
        mandate: null,
      },
    };
  }
  const card = method.card!;
  return {
    type: "card",
    card: {
      amount_authorized: input.status === "failed" ? null : amount,
      authorization_code: input.status === "failed" ? null : String(100000 + (amount % 900000)),
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: card.country,
      electronic_commerce_indicator: null,
      exp_month: card.exp_month,
      exp_year: card.exp_year,
      extended_authorization: { status: "disabled" },
      fingerprint: card.fingerprint ?? null,
      funding: card.funding,
      incremental_authorization: { status: "unavailable" },
      installments: null,
      last4: card.last4,
      mandate: null,
      multicapture: { status: "unavailable" },
      network: card.brand,
      network_token: { used: false },
      network_transaction_id: null,
      overcapture: { maximum_amount_capturable: amount, status: "unavailable" },
      regulated_status: "unregulated",
      three_d_secure: input.threeDSecure
        ? {
            authentication_flow: "challenge",
            electronic_commerce_indicator: "05",
            exemption_indicator: null,
            result: "authenticated",
            result_reason: null,
            transaction_id: newId("3ds"),
            version: "2.2.0",
          }
        : null,
      transaction_link_id: null,
      wallet: null,
    },
  };
}

export function createCharge(sb: Sandbox, input: ChargeInput): Stripe.Charge {
  const pi = input.paymentIntent;
  const isCard = input.method.type === "card";
  const failed = input.status === "failed";
  const charge: Stripe.Charge = {
    id: newId(isCard ? "ch" : "py"),
    object: "charge",
    amount: pi.amount,
    amount_captured: input.captured ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: input.method.billing_details,
    calculated_statement_descriptor: "PAYOPS",
    captured: input.captured,
    created: sb.now(),
    currency: pi.currency,
    customer: null,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failed ? (input.card?.decline?.code ?? "card_declined") : null,
    failure_message: failed ? (input.card?.decline?.message ?? "Your card was declined.") : null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: outcome(input.card, input.status),
    paid: input.status === "succeeded",
    payment_intent: pi.id,
    payment_method: input.method.id,
    payment_method_details: paymentMethodDetails(input, pi.amount),
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: "" },
    review: null,
    shipping: pi.shipping,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: input.status,
    transfer_data: null,
    transfer_group: null,
  };
  charge.refunds = { object: "list", data: [], has_more: false, url: `/v1/charges/${charge.id}/refunds` };
  sb.state.charges[charge.id] = charge;
  sb.touch();
  return charge;
}

export function retrieveCharge(sb: Sandbox, id: string, param = "id"): Stripe.Charge {
  const charge = sb.state.charges[id];
  if (!charge) throw resourceMissing("charge", id, param);
  return charge;
}
