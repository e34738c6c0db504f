import type { PrismaClient } from "../db/client";

/** Bank accounts whose statements finance imports, with how many lines each holds and the last import. */
export async function listBankAccounts(prisma: PrismaClient) {
  const accounts = await prisma.bankAccount.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      currency: true,
      csvMapping: true,
      _count: { select: { lines: true } },
      imports: { orderBy: { importedAt: "desc" }, take: 1, select: { importedAt: true, fileName: true } },
    },
  });
  return accounts.map((account) => ({
    id: account.id,
    name: account.name,
    currency: account.currency,
    hasCsvMapping: account.csvMapping !== null,
    lines: account._count.lines,
    lastImport: account.imports[0] ?? null,
  }));
}
