import { recordAudit } from "../../audit/record-audit";
import { Prisma, type PrismaClient } from "../../db/client";
import { runTransaction } from "../../db/run-transaction";
import { AppError } from "../../errors";
import { forgetRuleSet } from "../load-rule-set";
import { type FraudListKind, normaliseListEntry } from "./fraud-list-kinds";

const ALIAS = /^[a-z][a-z0-9_]{0,62}$/;

/** Saved lists with their entries, for the rules page. */
export async function listFraudLists(prisma: PrismaClient) {
  return prisma.fraudList.findMany({
    orderBy: { alias: "asc" },
    select: {
      id: true,
      alias: true,
      kind: true,
      description: true,
      items: { orderBy: { value: "asc" }, select: { value: true, createdAt: true } },
    },
  });
}

/** A new saved list a rule reads as `@alias`; audited. */
export async function addFraudList(
  prisma: PrismaClient,
  input: { alias: string; kind: FraudListKind; description?: string; staffUserId: string },
): Promise<{ listId: string }> {
  const alias = input.alias.trim().replace(/^@/, "").toLowerCase();
  if (!ALIAS.test(alias)) {
    throw new AppError(
      "BAD_REQUEST",
      "A list's name starts with a letter and holds only letters, digits and _ (at most 63).",
      { path: ["alias"] },
    );
  }
  const description = input.description?.trim() ?? "";
  try {
    const listId = await runTransaction(prisma, async (tx) => {
      const list = await tx.fraudList.create({ data: { alias, kind: input.kind, description }, select: { id: true } });
      await recordAudit(tx, {
        actor: { kind: "staff", staffUserId: input.staffUserId },
        action: "fraud.list_added",
        subject: { type: "fraud_list", id: list.id },
        after: { alias, kind: input.kind, description },
      });
      return list.id;
    });
    forgetRuleSet();
    return { listId };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A list named @${alias} already exists.`, { path: ["alias"] });
    }
    throw error;
  }
}

/**
 * Adds or removes one entry. Adding an entry the list already holds, or removing one it does not,
 * changes nothing and writes no audit row (a double click).
 */
export async function changeFraudListEntry(
  prisma: PrismaClient,
  input: { listId: string; value: string; change: "add" | "remove"; staffUserId: string },
): Promise<{ value: string; changed: boolean }> {
  const result = await runTransaction(prisma, async (tx) => {
    const list = await tx.fraudList.findUnique({
      where: { id: input.listId },
      select: { id: true, kind: true, alias: true },
    });
    if (!list) throw new AppError("NOT_FOUND", "This list does not exist.");
    const value =
      input.change === "add"
        ? normaliseListEntry(list.kind as FraudListKind, input.value)
        : input.value.trim().toLowerCase();
    const count =
      input.change === "add"
        ? (await tx.fraudListItem.createMany({ data: { listId: list.id, value }, skipDuplicates: true })).count
        : (await tx.fraudListItem.deleteMany({ where: { listId: list.id, value } })).count;
    if (count === 0) return { value, changed: false };
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.staffUserId },
      action: input.change === "add" ? "fraud.list_entry_added" : "fraud.list_entry_removed",
      subject: { type: "fraud_list", id: list.id },
      before: { alias: list.alias, entry: input.change === "add" ? null : value },
      after: { alias: list.alias, entry: input.change === "add" ? value : null },
    });
    return { value, changed: true };
  });
  if (result.changed) forgetRuleSet();
  return result;
}
