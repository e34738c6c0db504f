import { expect, test } from "@playwright/test";

// Requests a probe sent to the production build that answered a plain-text 500.
test("a broken percent-encoding in a page or API address is a 400 with a reason, not a 500", async ({ request }) => {
  for (const path of ["/orders/%E0%A4%A", "/products/%E0%A4%A", "/dashboard/orders/%E0%A4%A", "/api/trpc/%E0%A4%A"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain("percent-encoding");
  }
});

test("/api/inngest says it is off while the local executor runs, instead of a 500", async ({ request }) => {
  for (const method of ["GET", "POST", "PUT"] as const) {
    const response = await request.fetch("/api/inngest", { method, data: method === "GET" ? undefined : "{}" });
    expect(response.status(), method).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/JOB_EXECUTOR=local/);
  }
});
