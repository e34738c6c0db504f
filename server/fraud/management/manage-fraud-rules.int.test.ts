import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/integration/test-database";
import { AppError } from "../../errors";
import { loadRuleSet } from "../load-rule-set";
import { addFraudRule } from "./add-fraud-rule";
import { changeFraudRule } from "./change-fraud-rule";
import { listFraudRules } from "./list-fraud-rules";
import { addFraudList, changeFraudListEntry, listFraudLists } from "./manage-fraud-lists";
import { moveFraudRule } from "./move-fraud-rule";

let database: TestDatabase;
let analystId: string;
let otherAnalystId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const staff = (email: string, name: string) =>
    database.prisma.staffUser.create({ data: { email, name, role: "risk", passwordHash: "x" }, select: { id: true } });
  analystId = (await staff("rita@example.test", "Rita Risk")).id;
  otherAnalystId = (await staff("rob@example.test", "Rob Risk")).id;
});
afterAll(() => database?.drop());

async function rejection(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("rule management", () => {
  it("refuses a rule it cannot read with the position marked, and writes nothing", async () => {
    const error = await rejection(
      addFraudRule(database.prisma, { source: "Block if :email_domain: = = 'x'", staffUserId: analystId }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const syntax = error.details?.ruleSyntax as { line: number; column: number; problem: string; pointer: string };
    expect(syntax).toMatchObject({ line: 1, column: 27 });
    expect(syntax.pointer).toBe(`Block if :email_domain: = = 'x'\n${" ".repeat(26)}^ ${syntax.problem}`);
    const unknown = await rejection(
      addFraudRule(database.prisma, { source: "Review if :shoe_size: > 12", staffUserId: analystId }),
    );
    expect(unknown.details?.ruleSyntax).toMatchObject({ column: 11, problem: "Unknown attribute :shoe_size:" });
    const noList = await rejection(
      addFraudRule(database.prisma, { source: "Block if :email: in @nobody_made_this", staffUserId: analystId }),
    );
    expect(noList.details?.ruleSyntax).toMatchObject({ column: 21 });
    expect(await database.prisma.fraudRule.count()).toBe(0);
    expect(await database.prisma.auditLog.count({ where: { action: { startsWith: "fraud.rule" } } })).toBe(0);
  });

  it("versions every change with who and when, audits before and after, and the next checkout sees it", async () => {
    const { ruleId } = await addFraudRule(database.prisma, {
      source: "  Block if :email_domain: = 'blocked.test'  ",
      staffUserId: analystId,
    });
    expect((await loadRuleSet(database.prisma)).rules.map((rule) => rule.id)).toContain(ruleId);

    const edited = await changeFraudRule(database.prisma, {
      ruleId,
      expectedVersion: 1,
      change: { kind: "edit", source: "Review if :email_domain: = 'blocked.test'" },
      note: "review first, block later",
      staffUserId: otherAnalystId,
    });
    expect(edited).toEqual({ ruleId, version: 2, changed: true });
    const off = await changeFraudRule(database.prisma, {
      ruleId,
      expectedVersion: 2,
      change: { kind: "disable" },
      staffUserId: analystId,
    });
    expect(off.version).toBe(3);
    expect((await loadRuleSet(database.prisma)).rules.map((rule) => rule.id)).not.toContain(ruleId);

    const [row] = (await listFraudRules(database.prisma)).filter((rule) => rule.id === ruleId);
    expect(row).toMatchObject({ action: "review", enabled: false, version: 3 });
    expect(
      row!.history.map(({ version, change, changedBy, enabled, source }) => ({
        version,
        change,
        changedBy,
        enabled,
        source,
      })),
    ).toEqual([
      {
        version: 3,
        change: "disabled",
        changedBy: "Rita Risk",
        enabled: false,
        source: "Review if :email_domain: = 'blocked.test'",
      },
      {
        version: 2,
        change: "edited",
        changedBy: "Rob Risk",
        enabled: true,
        source: "Review if :email_domain: = 'blocked.test'",
      },
      {
        version: 1,
        change: "created",
        changedBy: "Rita Risk",
        enabled: true,
        source: "Block if :email_domain: = 'blocked.test'",
      },
    ]);

    const audit = await database.prisma.auditLog.findMany({
      where: { subjectType: "fraud_rule", subjectId: ruleId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["fraud.rule_added", analystId],
      ["fraud.rule_edited", otherAnalystId],
      ["fraud.rule_disabled", analystId],
    ]);
    expect(audit[1]).toMatchObject({
      reason: "review first, block later",
      before: { source: "Block if :email_domain: = 'blocked.test'", action: "block", version: 1 },
      after: { source: "Review if :email_domain: = 'blocked.test'", action: "review", version: 2 },
    });
    await expect(database.prisma.fraudRuleVersion.deleteMany({ where: { ruleId } })).rejects.toThrow(/append-only/);
  });

  it("lets the first of two simultaneous edits win and tells the second, and a double click writes once", async () => {
    const { ruleId } = await addFraudRule(database.prisma, {
      source: "Review if :amount_in_usd: > 500",
      staffUserId: analystId,
    });
    const edit = (staffUserId: string, amount: number) =>
      changeFraudRule(database.prisma, {
        ruleId,
        expectedVersion: 1,
        change: { kind: "edit", source: `Review if :amount_in_usd: > ${amount}` },
        staffUserId,
      });
    const results = await Promise.allSettled([edit(analystId, 700), edit(otherAnalystId, 900)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe("CONFLICT");
    expect(await database.prisma.fraudRuleVersion.count({ where: { ruleId } })).toBe(2);

    const disable = () =>
      changeFraudRule(database.prisma, {
        ruleId,
        expectedVersion: 2,
        change: { kind: "disable" },
        staffUserId: analystId,
      });
    const [first, second] = await Promise.all([disable(), disable()]);
    expect([first.changed, second.changed].sort()).toEqual([false, true]);
    expect(await database.prisma.fraudRuleVersion.count({ where: { ruleId } })).toBe(3);
    expect(await database.prisma.auditLog.count({ where: { subjectId: ruleId, action: "fraud.rule_disabled" } })).toBe(
      1,
    );
  });

  it("moves a rule past its neighbour: both get a version, and the first matching rule of an action changes", async () => {
    await database.prisma.$executeRaw`UPDATE fraud_rules SET enabled = false`;
    const first = await addFraudRule(database.prisma, { source: "Review if :amount: > 100", staffUserId: analystId });
    const second = await addFraudRule(database.prisma, { source: "Review if :amount: > 50", staffUserId: analystId });
    const order = async () =>
      (await loadRuleSet(database.prisma)).rules
        .map((rule) => rule.id)
        .filter((id) => [first.ruleId, second.ruleId].includes(id));
    expect(await order()).toEqual([first.ruleId, second.ruleId]);

    const moved = await moveFraudRule(database.prisma, {
      ruleId: second.ruleId,
      expectedVersion: 1,
      direction: "up",
      staffUserId: otherAnalystId,
    });
    expect(moved).toEqual({ ruleId: second.ruleId, version: 2, changed: true });
    expect(await order()).toEqual([second.ruleId, first.ruleId]);
    const history = await database.prisma.fraudRuleVersion.findMany({
      where: { ruleId: { in: [first.ruleId, second.ruleId] }, change: "moved" },
      select: { ruleId: true, version: true, changedById: true },
    });
    expect(history).toHaveLength(2);
    expect(history.every((row) => row.version === 2 && row.changedById === otherAnalystId)).toBe(true);
    expect(await database.prisma.auditLog.count({ where: { action: "fraud.rule_moved" } })).toBe(2);

    // Already last of all rules (on and off): nothing to do. A stale version: a conflict.
    expect(
      (
        await moveFraudRule(database.prisma, {
          ruleId: first.ruleId,
          expectedVersion: 2,
          direction: "down",
          staffUserId: analystId,
        })
      ).changed,
    ).toBe(false);
    expect(
      (
        await rejection(
          moveFraudRule(database.prisma, {
            ruleId: second.ruleId,
            expectedVersion: 1,
            direction: "up",
            staffUserId: analystId,
          }),
        )
      ).code,
    ).toBe("CONFLICT");
  });

  it("keeps saved lists: a rule may name a list once it exists, entries are checked and audited", async () => {
    const { listId } = await addFraudList(database.prisma, {
      alias: "@Trusted_Customers",
      kind: "email",
      description: "Long-standing customers",
      staffUserId: analystId,
    });
    expect(
      (
        await rejection(
          addFraudList(database.prisma, { alias: "trusted_customers", kind: "email", staffUserId: analystId }),
        )
      ).code,
    ).toBe("CONFLICT");
    expect(
      (await rejection(addFraudList(database.prisma, { alias: "9 lives", kind: "email", staffUserId: analystId })))
        .code,
    ).toBe("BAD_REQUEST");

    expect(
      (
        await rejection(
          changeFraudListEntry(database.prisma, {
            listId,
            value: "not an email",
            change: "add",
            staffUserId: analystId,
          }),
        )
      ).message,
    ).toBe("This list holds an email address.");
    const added = await changeFraudListEntry(database.prisma, {
      listId,
      value: " Ada@Example.com ",
      change: "add",
      staffUserId: analystId,
    });
    expect(added).toEqual({ value: "ada@example.com", changed: true });
    expect(
      (
        await changeFraudListEntry(database.prisma, {
          listId,
          value: "ada@example.com",
          change: "add",
          staffUserId: analystId,
        })
      ).changed,
    ).toBe(false);

    const { ruleId } = await addFraudRule(database.prisma, {
      source: "Allow if :email: in @trusted_customers",
      staffUserId: analystId,
    });
    const set = await loadRuleSet(database.prisma);
    expect(set.rules.some((rule) => rule.id === ruleId)).toBe(true);
    expect(set.lists.has("trusted_customers", "ada@example.com")).toBe(true);

    await changeFraudListEntry(database.prisma, {
      listId,
      value: "ADA@example.com",
      change: "remove",
      staffUserId: analystId,
    });
    expect((await loadRuleSet(database.prisma)).lists.has("trusted_customers", "ada@example.com")).toBe(false);
    const [list] = await listFraudLists(database.prisma);
    expect(list).toMatchObject({ alias: "trusted_customers", kind: "email", items: [] });
    const actions = await database.prisma.auditLog.findMany({
      where: { subjectType: "fraud_list", subjectId: listId },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual([
      "fraud.list_added",
      "fraud.list_entry_added",
      "fraud.list_entry_removed",
    ]);
  });
});
