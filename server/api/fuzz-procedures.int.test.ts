import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fieldPaths,
  fixedPoisonsFor,
  type InputShape,
  inputArbitrary,
  inputShapeOf,
  plausibleInput,
  replaced,
} from "../../test/fuzz/input-arbitraries";
import { tableFingerprints } from "../../test/integration/table-fingerprints";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { STAFF_ROLES } from "../auth/permissions";
import type { StaffSession } from "../auth/staff-session";
import { seedCatalogue } from "../catalogue/seed-catalogue";
import type { StaffRole } from "../db/generated/enums";
import { seedOrders } from "../orders-workspace/seed-orders";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import type { ApiContext } from "./context";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

/**
 * Every procedure of the real router, as every role and signed out, on real PostgreSQL, with
 * inputs built from its own zod schema: fields that pass mixed with poison (NULs, lone surrogates,
 * huge numbers, impossible dates, tampered cursors). No call may end in INTERNAL_SERVER_ERROR, and
 * a refused call must leave every table exactly as it was.
 */
const RUNS_PER_PROCEDURE = Number(process.env.FUZZ_RUNS ?? 16);

type Procedure = { _def: { inputs: { _zod: { def: never } }[]; type: string } };
type AnyRouter = { _def: { procedures: Record<string, Procedure>; lazy: Record<string, { load(): Promise<void> }> } };

async function loadedProcedures(router: AnyRouter): Promise<Record<string, Procedure>> {
  while (Object.keys(router._def.lazy).length > 0) {
    for (const loader of Object.values(router._def.lazy)) await loader.load();
  }
  return router._def.procedures;
}

const procedures = await loadedProcedures(appRouter as unknown as AnyRouter);
const paths = Object.keys(procedures).sort();
const callers: (StaffRole | "signed out")[] = [...STAFF_ROLES, "signed out"];

let database: TestDatabase;
let sandbox: RunningSandbox;
const staff = new Map<StaffRole, StaffSession>();
const known = {
  orderIds: [] as string[],
  itemIds: [] as string[],
  tokens: [] as string[],
  staffIds: [] as string[],
  productIds: [] as string[],
};
const stats = { calls: 0, refused: 0, allowed: 0, examples: 0, started: 0 };

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  // Read once by serverEnv(): procedures that reach Stripe reach this sandbox.
  process.env.STRIPE_API_URL = sandbox.url;
  // Hundreds of calls a second from one session: the fuzz is about inputs, not rate limits.
  for (const name of ["STAFF_MUTATIONS_PER_SESSION", "CHECKOUT_PER_IP", "CHECKOUT_PER_EMAIL"]) {
    process.env[`RATE_LIMIT_${name}`] = "1000000";
  }
  database = await createTestDatabase();
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = database.prisma;
  await seedCatalogue(database.prisma);
  await seedOrders(database.prisma, { count: 6 });
  for (const role of STAFF_ROLES) {
    const user = await database.prisma.staffUser.create({
      data: { email: `${role}@fuzz.test`, name: role, role, passwordHash: "unused" },
    });
    staff.set(role, { userId: user.id, email: user.email, name: user.name, role });
  }
  const orders = await database.prisma.order.findMany({ include: { items: true } });
  known.orderIds = orders.map((order) => order.id);
  known.itemIds = orders.flatMap((order) => order.items.map((item) => item.id));
  known.tokens = orders.map((order) => order.publicToken);
  known.staffIds = [...staff.values()].map((member) => member.userId);
  known.productIds = (await database.prisma.product.findMany()).map((product) => product.id);
  stats.started = Date.now();
}, 120_000);

afterAll(async () => {
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = undefined;
  await database?.drop();
  await sandbox?.stop();
  const seconds = ((Date.now() - stats.started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${paths.length} procedures, ${stats.examples} fixed-poison cases + ${RUNS_PER_PROCEDURE} random runs each = ${stats.calls} calls (${stats.refused} refused, ${stats.allowed} allowed) in ${seconds} s`,
  );
});

const someOf = <T>(values: T[]) => (values.length ? fc.constantFrom(...values) : fc.uuid());

/** Values that pass a field's schema, by field name, so fuzzing reaches the code behind the gate. */
function plausible(key: string): fc.Arbitrary<unknown> {
  switch (key) {
    case "orderId":
      return fc.oneof(someOf(known.orderIds), fc.uuid());
    case "orderItemId":
      return someOf(known.itemIds);
    case "staffUserId":
      return fc.oneof(someOf(known.staffIds), fc.uuid());
    case "refundId":
    case "disputeId":
    case "subjectId":
      return fc.uuid();
    case "token":
      return fc.oneof(someOf(known.tokens), fc.string({ minLength: 1, maxLength: 40 }));
    case "checkoutKey":
      return fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/);
    case "email":
    case "actorEmail":
      return fc.emailAddress();
    case "currency":
      return fc.constantFrom("USD", "EUR", "JPY", "usd");
    case "country":
      return fc.constantFrom("US", "GB", "DE", "JP");
    case "amountMinor":
      return fc.integer({ min: 1, max: 20_000 });
    case "quantity":
    case "limit":
      return fc.integer({ min: 1, max: 5 });
    case "minAmount":
    case "maxAmount":
      return fc.constantFrom("1", "12.50", "100");
    case "from":
    case "to":
      return fc.constantFrom("2026-01-01", "2026-12-31");
    case "password":
      return fc.string({ minLength: 12, maxLength: 40 });
    case "idempotencyKey":
      return fc.string({ minLength: 8, maxLength: 60 });
    case "statuses":
      return fc.array(fc.constantFrom("paid", "refunded", "pending_payment"), { maxLength: 3 });
    case "lines":
      return fc.array(fc.record({ orderItemId: someOf(known.itemIds), quantity: fc.integer({ min: 1, max: 3 }) }), {
        minLength: 1,
        maxLength: 2,
      });
    case "cart":
      return fc.record({
        currency: fc.constantFrom("USD", "EUR", "JPY"),
        lines: fc.array(fc.record({ productId: someOf(known.productIds), quantity: fc.integer({ min: 1, max: 3 }) }), {
          maxLength: 3,
        }),
      });
    case "active":
    case "moneyOnly":
      return fc.boolean();
    default:
      return fc.string({ maxLength: 60 });
  }
}

function callerContext(caller: StaffRole | "signed out"): ApiContext {
  return { requestId: "fuzz", headers: new Headers(), staff: caller === "signed out" ? null : staff.get(caller)! };
}

async function call(path: string, caller: StaffRole | "signed out", input: unknown): Promise<unknown> {
  const procedure = path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      createCallerFactory(appRouter)(callerContext(caller)),
    );
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

function shapeOf(path: string): InputShape {
  const inputs = procedures[path]!._def.inputs;
  return inputShapeOf(inputs[0] as never);
}

describe("fuzzing every procedure's input as every role", () => {
  it.each(paths)("%s: no 500, and a refused call writes nothing", { timeout: 120_000 }, async (path) => {
    let before = await tableFingerprints(database.prisma);
    const failures: string[] = [];
    // Each field gets the fixed poisons in an otherwise valid input (as an admin, who passes every
    // gate), then random single-fault inputs come from every caller.
    const shape = shapeOf(path);
    const [baseline] = fc.sample(plausibleInput(shape, plausible, { full: true }), { numRuns: 1, seed: 7 });
    const examples = fieldPaths(shape).flatMap((field) =>
      fixedPoisonsFor(field).map((poison): [StaffRole | "signed out", unknown] => [
        "admin",
        replaced(baseline, field, poison),
      ]),
    );
    stats.examples += examples.length;
    await fc
      .assert(
        fc.asyncProperty(
          fc.constantFrom(...callers),
          inputArbitrary(shapeOf(path), plausible),
          async (caller, input) => {
            stats.calls += 1;
            let refused: TRPCError | null = null;
            try {
              await call(path, caller, input);
              stats.allowed += 1;
            } catch (error) {
              if (!(error instanceof TRPCError)) throw error;
              refused = error;
              stats.refused += 1;
            }
            const after = await tableFingerprints(database.prisma);
            if (refused?.code === "INTERNAL_SERVER_ERROR") {
              failures.push(`${caller}: ${String(refused.cause ?? refused.message).slice(0, 300)}`);
            }
            if (refused) {
              const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
              if (changed.length)
                failures.push(
                  `${caller} refused (${refused.code}: ${refused.message}) yet wrote ${changed.join(", ")}`,
                );
              expect(changed).toEqual([]);
            }
            before = after;
            expect(refused?.code).not.toBe("INTERNAL_SERVER_ERROR");
          },
        ),
        {
          numRuns: examples.length + RUNS_PER_PROCEDURE,
          seed: Number(process.env.FUZZ_SEED ?? 20261201),
          endOnFailure: true,
          examples,
        },
      )
      .catch((error: unknown) => {
        throw new Error(`${failures.join("\n")}\n${String(error)}`);
      });
  });
});
