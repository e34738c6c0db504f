import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { forgetRuleSet, loadRuleSet } from "./load-rule-set";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  forgetRuleSet();
});
afterAll(async () => {
  await database?.drop();
});

it("keeps the compiled rule set while nothing changed and reloads within a second of a change made elsewhere", async () => {
  const { prisma } = database;
  await prisma.fraudRule.create({
    data: { source: "Block if :email_domain: = 'a.test'", action: "block", position: 0 },
  });
  const list = await prisma.fraudList.create({ data: { alias: "watched", kind: "email" } });
  const t0 = Date.now();
  const first = await loadRuleSet(prisma, t0);
  expect(first.rules.map((rule) => rule.source)).toEqual(["Block if :email_domain: = 'a.test'"]);

  // Nothing changed: a second later the check finds the same version and keeps the same set.
  const [again, together] = await Promise.all([loadRuleSet(prisma, t0 + 1_500), loadRuleSet(prisma, t0 + 1_500)]);
  expect(again).toBe(first);
  expect(together).toBe(first);

  // Another instance adds a rule and a list entry (no forgetRuleSet here): not seen within the
  // second, seen after it.
  await prisma.fraudRule.create({ data: { source: "Review if :email: in @watched", action: "review", position: 1 } });
  await prisma.fraudListItem.create({ data: { listId: list.id, value: "eve@example.test" } });
  expect(await loadRuleSet(prisma, t0 + 2_000)).toBe(first);
  const changed = await loadRuleSet(prisma, t0 + 2_600);
  expect(changed).not.toBe(first);
  expect(changed.rules).toHaveLength(2);
  expect(changed.lists.has("watched", "eve@example.test")).toBe(true);

  // Switching a rule off is a change too.
  await prisma.fraudRule.updateMany({ where: { position: 0 }, data: { enabled: false } });
  expect((await loadRuleSet(prisma, t0 + 3_700)).rules.map((rule) => rule.source)).toEqual([
    "Review if :email: in @watched",
  ]);
});
