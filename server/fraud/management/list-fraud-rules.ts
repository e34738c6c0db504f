import type { PrismaClient } from "../../db/client";

/**
 * Every rule in the merchant's order, on and off, with its history newest first: each version's
 * text, whether it was on, what changed, who changed it and when.
 */
export async function listFraudRules(prisma: PrismaClient) {
  const rules = await prisma.fraudRule.findMany({
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      source: true,
      action: true,
      position: true,
      enabled: true,
      version: true,
      updatedAt: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          version: true,
          source: true,
          enabled: true,
          change: true,
          note: true,
          createdAt: true,
          changedById: true,
        },
      },
    },
  });
  const staffIds = [...new Set(rules.flatMap((rule) => rule.versions.map((version) => version.changedById)))];
  const staff = await prisma.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } });
  const names = new Map(staff.map((member) => [member.id, member.name]));
  return rules.map(({ versions, ...rule }) => ({
    ...rule,
    history: versions.map(({ changedById, ...version }) => ({
      ...version,
      changedBy: names.get(changedById) ?? "a former staff member",
    })),
  }));
}

export type FraudRuleRow = Awaited<ReturnType<typeof listFraudRules>>[number];
