import { z } from "zod";
import { db } from "../db/client";
import { addFraudRule } from "../fraud/management/add-fraud-rule";
import { backtestDraftRule } from "../fraud/management/backtest-draft-rule";
import { changeFraudRule } from "../fraud/management/change-fraud-rule";
import { FRAUD_LIST_KINDS } from "../fraud/management/fraud-list-kinds";
import { listFraudRules } from "../fraud/management/list-fraud-rules";
import { addFraudList, changeFraudListEntry, listFraudLists } from "../fraud/management/manage-fraud-lists";
import { moveFraudRule } from "../fraud/management/move-fraud-rule";
import { ruleMetrics } from "../fraud/metrics/rule-metrics";
import { permitted } from "./procedures";
import { router } from "./trpc";

const source = z.string().max(2_000, "keep a rule under 2,000 characters");
const note = z.string().trim().max(500, "keep the note under 500 characters").optional();
const ruleId = z.uuid("expected a rule id");
const version = z.int().min(1).max(1_000_000);
const listId = z.uuid("expected a list id");
const manage = permitted("fraud.rules.manage");
const days = z.int("a whole number of days").min(1, "at least one day").max(365, "at most a year");

/** Fraud rules and saved lists, for the risk role: each change versioned and audited in server/fraud. */
export const fraudRulesRouter = router({
  list: manage.query(() => listFraudRules(db())),
  add: manage
    .input(z.object({ source, enabled: z.boolean().optional() }))
    .mutation(({ input, ctx }) => addFraudRule(db(), { ...input, staffUserId: ctx.staff.userId })),
  edit: manage.input(z.object({ ruleId, expectedVersion: version, source, note })).mutation(({ input, ctx }) =>
    changeFraudRule(db(), {
      ruleId: input.ruleId,
      expectedVersion: input.expectedVersion,
      change: { kind: "edit", source: input.source },
      note: input.note,
      staffUserId: ctx.staff.userId,
    }),
  ),
  setEnabled: manage
    .input(z.object({ ruleId, expectedVersion: version, enabled: z.boolean(), note }))
    .mutation(({ input, ctx }) =>
      changeFraudRule(db(), {
        ruleId: input.ruleId,
        expectedVersion: input.expectedVersion,
        change: { kind: input.enabled ? "enable" : "disable" },
        note: input.note,
        staffUserId: ctx.staff.userId,
      }),
    ),
  move: manage
    .input(z.object({ ruleId, expectedVersion: version, direction: z.enum(["up", "down"], "up or down") }))
    .mutation(({ input, ctx }) => moveFraudRule(db(), { ...input, staffUserId: ctx.staff.userId })),
  metrics: manage.input(z.object({ days })).query(({ input }) => ruleMetrics(db(), input)),
  backtest: manage
    .input(z.object({ source: source.min(1, "write the draft rule"), days }))
    .mutation(({ input }) => backtestDraftRule(db(), input)),
  lists: manage.query(() => listFraudLists(db())),
  addList: manage
    .input(
      z.object({
        alias: z.string().max(64, "keep the name under 64 characters"),
        kind: z.enum(FRAUD_LIST_KINDS, "choose what the list holds"),
        description: z.string().max(500).optional(),
      }),
    )
    .mutation(({ input, ctx }) => addFraudList(db(), { ...input, staffUserId: ctx.staff.userId })),
  addListEntry: manage
    .input(z.object({ listId, value: z.string().max(320) }))
    .mutation(({ input, ctx }) =>
      changeFraudListEntry(db(), { ...input, change: "add", staffUserId: ctx.staff.userId }),
    ),
  removeListEntry: manage
    .input(z.object({ listId, value: z.string().max(320) }))
    .mutation(({ input, ctx }) =>
      changeFraudListEntry(db(), { ...input, change: "remove", staffUserId: ctx.staff.userId }),
    ),
});
