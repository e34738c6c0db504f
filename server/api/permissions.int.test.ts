import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { roleHasPermission, STAFF_ROLES } from "../auth/permissions";
import type { StaffSession } from "../auth/staff-session";
import type { StaffRole } from "../db/generated/enums";
import { seedOrders } from "../orders-workspace/seed-orders";
import type { ApiContext } from "./context";
import { PROCEDURE_PERMISSIONS } from "./procedure-permissions";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

type AnyRouter = { _def: { procedures: Record<string, unknown>; lazy: Record<string, { load(): Promise<void> }> } };

/** Every procedure path of the real router, lazy sub-routers loaded, so new procedures are caught. */
async function allProcedurePaths(router: AnyRouter): Promise<string[]> {
  while (Object.keys(router._def.lazy).length > 0) {
    for (const loader of Object.values(router._def.lazy)) await loader.load();
  }
  return Object.keys(router._def.procedures).sort();
}

const paths = await allProcedurePaths(appRouter as unknown as AnyRouter);
const callers: (StaffRole | "signed out")[] = [...STAFF_ROLES, "signed out"];

function expectedOutcome(path: string, caller: StaffRole | "signed out"): "allowed" | "UNAUTHORIZED" | "FORBIDDEN" {
  const required = PROCEDURE_PERMISSIONS[path];
  if (required === "public") return "allowed";
  if (caller === "signed out") return "UNAUTHORIZED";
  if (required === "staff") return "allowed";
  return required && roleHasPermission(caller, required) ? "allowed" : "FORBIDDEN";
}

let database: TestDatabase;
const staffByRole = new Map<StaffRole, StaffSession>();

beforeAll(async () => {
  database = await createTestDatabase();
  // Procedures reach the database through db(); point it at this test's database.
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = database.prisma;
  for (const role of STAFF_ROLES) {
    const user = await database.prisma.staffUser.create({
      data: { email: `${role}@permissions.test`, name: role, role, passwordHash: "not-used" },
    });
    staffByRole.set(role, { userId: user.id, email: user.email, name: user.name, role });
  }
  await seedOrders(database.prisma, { count: 3 });
});

afterAll(async () => {
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = undefined;
  await database?.drop();
});

async function outcomeOf(path: string, caller: StaffRole | "signed out"): Promise<string> {
  const context: ApiContext = {
    requestId: "permission-test",
    headers: new Headers(),
    staff: caller === "signed out" ? null : staffByRole.get(caller)!,
  };
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCallerFactory(appRouter)(context));
  try {
    // No input: a caller who passes the gate meets input validation (or a harmless read) next.
    await (procedure as (input?: unknown) => Promise<unknown>)(undefined);
    return "allowed";
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) return error.code;
    return "allowed";
  }
}

describe("permission table covers every procedure", () => {
  it("has an entry for each procedure of appRouter, and none for procedures that no longer exist", () => {
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !(path in PROCEDURE_PERMISSIONS))).toEqual([]);
    expect(Object.keys(PROCEDURE_PERMISSIONS).filter((path) => !paths.includes(path))).toEqual([]);
  });
});

describe.each(paths)("%s", (path) => {
  const cases = callers.map((caller) => [caller, expectedOutcome(path, caller)] as const);
  it.each(cases)(`as %s → %s (requires ${PROCEDURE_PERMISSIONS[path] ?? "NO ENTRY"})`, async (caller, expected) => {
    expect(await outcomeOf(path, caller)).toBe(expected);
  });
});
