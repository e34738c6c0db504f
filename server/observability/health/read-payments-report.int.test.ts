import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/integration/test-database";
import { createPendingOrder } from "../../orders/order-test-fixtures";
import { readPaymentsReport } from "./read-payments-report";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** An authorised payment with what PayOps stored about its 3-D Secure check. */
async function authorisedPayment(threeDSecure: string | null): Promise<void> {
  const order = await createPendingOrder(database.prisma, 1_000, "EUR");
  await database.prisma.payment.create({
    data: {
      orderId: order.id,
      stripePaymentIntentId: `pi_${randomUUID().replaceAll("-", "")}`,
      status: "succeeded",
      currency: "EUR",
      amountMinor: 1_000,
      authorisedAt: new Date(),
      threeDSecure,
    },
  });
}

describe("the payments report's 3-D Secure rates", () => {
  it("count as asked every check but an exemption or an unsupported card, and as passed an attempt the bank took no part in", async () => {
    for (const state of [
      null,
      "exempted",
      "not_supported",
      "challenged",
      "authenticated",
      "attempt_acknowledged",
      "failed",
    ]) {
      await authorisedPayment(state);
    }
    const [eur] = await readPaymentsReport(database.prisma, new Date(Date.now() - 60_000));
    expect(eur).toMatchObject({
      currency: "EUR",
      attempted: 7,
      threeDSecureChallenge: { count: 4, of: 7 },
      threeDSecureSuccess: { count: 2, of: 3 },
    });
  });
});
