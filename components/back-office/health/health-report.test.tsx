import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CurrentAlerts } from "./current-alerts";
import { HealthCharts } from "./health-charts";
import { PaymentsReport } from "./payments-report";

const point = (hour: number, inboxBacklog: number) => ({
  at: new Date(Date.UTC(2026, 11, 1, hour)).toISOString(),
  eventsReceived: 2,
  eventsProcessed: 2,
  inboxBacklog,
  inboxOldestAgeSeconds: 0,
  jobsSucceeded: 1,
  jobsFailed: 0,
  refundsSucceeded: 0,
  refundsFailed: 0,
  checkoutAttempts: 1,
  checkoutAuthorised: 1,
  checkoutDeclined: 0,
  deadLetters: 0,
  outboxDepth: 0,
});

describe("the Health page's parts", () => {
  it("render every chart with a table of the same figures, in the merchant's time zone", () => {
    const html = renderToStaticMarkup(
      <HealthCharts
        series={[point(9, 0), point(10, 7)]}
        window="day"
        dateFormat={{ locale: "en-GB", timeZone: "Europe/Berlin" }}
      />,
    );
    expect(html).toContain("Stripe events waiting to be processed");
    expect(html.match(/<figure/g)).toHaveLength(7);
    expect(html.match(/Show as a table/g)).toHaveLength(7);
    // 10:00 UTC is 11:00 in Berlin; the backlog's last period holds 7.
    expect(html).toContain("11:00");
    expect(html).toMatch(/11:00<\/td><td[^>]*>7<\/td>/);
  });

  it("show rates with their counts, declines and alerts in words", () => {
    const html = renderToStaticMarkup(
      <>
        <PaymentsReport
          payments={[
            {
              currency: "USD",
              attempted: 4,
              authorisation: { count: 3, of: 4 },
              declinesByCode: [{ code: "insufficient_funds", count: 1 }],
              threeDSecureChallenge: { count: 1, of: 4 },
              threeDSecureSuccess: { count: 1, of: 1 },
              refund: { count: 0, of: 3 },
              dispute: { count: 0, of: 3 },
            },
          ]}
        />
        <CurrentAlerts
          alerts={[
            { alert: "PayopsInboxBacklogStale", state: "firing", value: 400 },
            { alert: "PayopsStripeApiErrorRate", state: "unknown", value: null },
          ]}
        />
      </>,
    );
    expect(html).toContain("75.0%");
    expect(html).toContain("(3 of 4)");
    expect(html).toContain("Insufficient funds");
    expect(html).toContain("Stripe events waiting more than 5 minutes");
    expect(html).toContain("Needs attention");
    expect(html).toContain("Seen by Prometheus only");
    expect(html).not.toMatch(/insufficient_funds|Payops|PayopsInbox/);
  });
});
