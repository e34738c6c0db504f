import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTypes, type Harness, startHarness } from "./testing/harness";

describe("Radar reviews", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const pay = (paymentMethod: string, captureMethod: "manual" | "automatic" = "manual") =>
    h.stripe.paymentIntents.create({
      amount: 2500,
      currency: "usd",
      payment_method: paymentMethod,
      capture_method: captureMethod,
      confirm: true,
    });

  const reviewOf = (review: Stripe.PaymentIntent["review"]) => (typeof review === "string" ? review : review?.id);

  it("opens a review for the elevated-risk card, on the charge and the PaymentIntent, announced by review.opened", async () => {
    const intent = await pay("pm_card_riskLevelElevated");
    expect(intent.status).toBe("requires_capture");
    const reviewId = reviewOf(intent.review);
    expect(reviewId).toMatch(/^prv_/);
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge.review).toBe(reviewId);
    expect(charge.outcome).toMatchObject({ type: "manual_review", reason: "elevated_risk_level" });

    const review = await h.stripe.reviews.retrieve(reviewId!);
    expect(review).toMatchObject({
      object: "review",
      charge: charge.id,
      payment_intent: intent.id,
      open: true,
      opened_reason: "rule",
      reason: "rule",
      closed_reason: null,
      livemode: false,
    });
    expect(review.created).toBe(charge.created);
    await h.receiver.waitFor(() => eventTypes(h, review.id).includes("review.opened"));
    const expanded = await h.stripe.reviews.retrieve(review.id, { expand: ["charge"] });
    expect(expanded.charge).toMatchObject({ id: charge.id, object: "charge" });
  });

  it("opens none for a card Radar sees as normal risk", async () => {
    const intent = await pay("pm_card_visa");
    expect(intent.review).toBeNull();
    expect((await h.stripe.charges.retrieve(intent.latest_charge as string)).review).toBeNull();
  });

  it("approving closes the review without capturing; a second approve is refused and changes nothing", async () => {
    const intent = await pay("pm_card_riskLevelElevated");
    const reviewId = reviewOf(intent.review)!;
    const approved = await h.stripe.reviews.approve(reviewId);
    expect(approved).toMatchObject({ id: reviewId, open: false, closed_reason: "approved", reason: "approved" });
    expect((await h.stripe.paymentIntents.retrieve(intent.id)).status).toBe("requires_capture");
    await h.receiver.waitFor(() => eventTypes(h, reviewId).includes("review.closed"));
    await expect(h.stripe.reviews.approve(reviewId)).rejects.toMatchObject({ statusCode: 400 });
    expect(eventTypes(h, reviewId).filter((type) => type === "review.closed")).toHaveLength(1);
    // Capturing afterwards is the merchant's separate step.
    expect((await h.stripe.paymentIntents.capture(intent.id)).status).toBe("succeeded");
  });

  it("lists only open reviews, newest first", async () => {
    const first = reviewOf((await pay("pm_card_riskLevelElevated")).review)!;
    const second = reviewOf((await pay("pm_card_riskLevelElevated")).review)!;
    await h.stripe.reviews.approve(first);
    const listed = await h.stripe.reviews.list({ limit: 100 });
    const ids = listed.data.map((review) => review.id);
    expect(ids).toContain(second);
    expect(ids).not.toContain(first);
    expect(listed.data.every((review) => review.open)).toBe(true);
    expect(ids.indexOf(second)).toBe(0);
  });

  it("closes the review when the payment ends otherwise: canceled, refunded, refunded as fraud", async () => {
    const canceled = await pay("pm_card_riskLevelElevated");
    await h.stripe.paymentIntents.cancel(canceled.id, { cancellation_reason: "fraudulent" });
    expect(await h.stripe.reviews.retrieve(reviewOf(canceled.review)!)).toMatchObject({
      open: false,
      closed_reason: "canceled",
    });

    const refunded = await pay("pm_card_riskLevelElevated", "automatic");
    expect(refunded.status).toBe("succeeded");
    await h.stripe.refunds.create({ payment_intent: refunded.id, reason: "requested_by_customer" });
    expect(await h.stripe.reviews.retrieve(reviewOf(refunded.review)!)).toMatchObject({ closed_reason: "refunded" });

    const fraud = await pay("pm_card_riskLevelElevated", "automatic");
    await h.stripe.refunds.create({ payment_intent: fraud.id, reason: "fraudulent" });
    const closed = await h.stripe.reviews.retrieve(reviewOf(fraud.review)!);
    expect(closed).toMatchObject({ open: false, closed_reason: "refunded_as_fraud", reason: "refunded_as_fraud" });
    await h.receiver.waitFor(() => eventTypes(h, closed.id).includes("review.closed"));
  });

  it("checks requests as Stripe does: unknown parameters and reviews are refused", async () => {
    const reviewId = reviewOf((await pay("pm_card_riskLevelElevated")).review)!;
    await expect(
      h.stripe.reviews.approve(reviewId, { reason: "fine" } as Stripe.ReviewApproveParams),
    ).rejects.toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "reason" });
    expect((await h.stripe.reviews.retrieve(reviewId)).open).toBe(true);
    await expect(h.stripe.reviews.list({ status: "open" } as Stripe.ReviewListParams)).rejects.toMatchObject({
      statusCode: 400,
      param: "status",
    });
    await expect(h.stripe.reviews.retrieve("prv_missing")).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
    await expect(h.stripe.reviews.approve("prv_missing")).rejects.toMatchObject({ statusCode: 404 });
  });
});
