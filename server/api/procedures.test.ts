import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { STAFF_ROLES } from "../auth/permissions";
import type { ApiContext } from "./context";
import { permitted, staffProcedure } from "./procedures";
import { createCallerFactory, router } from "./trpc";

const testRouter = router({
  requestRefund: permitted("refunds.request")
    .input(z.object({ amountMinor: z.number().int().positive() }))
    .mutation(({ input }) => input.amountMinor),
  whoAmI: staffProcedure.query(({ ctx }) => ctx.staff.role),
});

const caller = (role: (typeof STAFF_ROLES)[number] | null) =>
  createCallerFactory(testRouter)({
    requestId: "test",
    headers: new Headers(),
    staff: role ? { userId: "00000000-0000-4000-8000-000000000000", email: `${role}@t`, name: role, role } : null,
  } satisfies ApiContext);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "THREW";
  }
}

describe("procedure tiers", () => {
  it("refuses a risk analyst a refund, before looking at the input", async () => {
    expect(await codeOf(caller("risk").requestRefund({ amountMinor: 500 }))).toBe("FORBIDDEN");
    expect(await codeOf(caller("risk").requestRefund({ amountMinor: -1 }))).toBe("FORBIDDEN");
  });

  it("lets support and admin through the gate to the input checks", async () => {
    expect(await caller("support").requestRefund({ amountMinor: 500 })).toBe(500);
    expect(await codeOf(caller("admin").requestRefund({ amountMinor: -1 }))).toBe("BAD_REQUEST");
  });

  it("answers UNAUTHORIZED to a visitor without a session", async () => {
    expect(await codeOf(caller(null).requestRefund({ amountMinor: 500 }))).toBe("UNAUTHORIZED");
    expect(await codeOf(caller(null).whoAmI())).toBe("UNAUTHORIZED");
    expect(await caller("finance").whoAmI()).toBe("finance");
  });
});
