import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { DEFAULT_CHART } from "../ledger";
import type { AccountingDeps } from "./accounting-deps";
import { connectionAdapter } from "./connection-adapter";
import type { AccountMap, TargetAccount } from "./target-account";

export type AccountMappingRow = {
  payopsCode: string;
  payopsName: string;
  /** The target account code it posts to, or null when unmapped. */
  targetCode: string | null;
  /** Mapped because the target has an account with the same code (shown for confirmation). */
  matchedByCode: boolean;
  /** Why a sync would stop on this account, in words; null when it is fine. */
  problem: string | null;
};

async function payopsAccounts(deps: AccountingDeps): Promise<{ code: string; name: string }[]> {
  const ledger = await deps.prisma.ledgerAccount.findMany({
    select: { code: true, name: true },
    distinct: ["code"],
    orderBy: { code: "asc" },
  });
  const byCode = new Map(DEFAULT_CHART.map((a) => [a.code, a.name]));
  for (const account of ledger) if (!byCode.has(account.code)) byCode.set(account.code, account.name);
  return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}

async function loadConnection(deps: AccountingDeps, connectionId: string) {
  const connection = await deps.prisma.accountingConnection.findUnique({ where: { id: connectionId } });
  if (!connection) throw new AppError("NOT_FOUND", "No such accounting connection");
  return connection;
}

function problemOf(targetCode: string | null, chart: Map<string, TargetAccount>): string | null {
  if (targetCode === null) return "Not mapped: a sync stops on the first journal that uses it";
  const target = chart.get(targetCode);
  if (!target) return `The accounting system has no account ${targetCode}`;
  if (!target.active) return `Account ${targetCode} (${target.name}) is archived in the accounting system`;
  return null;
}

/**
 * Each PayOps account beside the target account it posts to, checked against the target's chart as
 * its API gives it now, with the target's active accounts to choose from.
 */
export async function describeAccountMapping(deps: AccountingDeps, connectionId: string) {
  const connection = await loadConnection(deps, connectionId);
  const [chart, accounts] = await Promise.all([connectionAdapter(deps, connection).fetchChart(), payopsAccounts(deps)]);
  const byCode = new Map(chart.map((account) => [account.code, account]));
  const map = connection.accountMap as AccountMap;
  const rows: AccountMappingRow[] = accounts.map(({ code, name }) => {
    const targetCode = map[code] ?? null;
    return {
      payopsCode: code,
      payopsName: name,
      targetCode,
      matchedByCode: targetCode === code,
      problem: problemOf(targetCode, byCode),
    };
  });
  const targetAccounts = chart
    .filter((account) => account.active && account.code)
    .map(({ code, name }) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { connectionId, vendor: connection.vendor, rows, targetAccounts };
}

/**
 * Saves the mapping an admin confirmed. Every target code must be an active account of the
 * target's chart as its API gives it now; an account left empty is unmapped. A refusal names the
 * PayOps account and changes nothing.
 */
export async function saveAccountMapping(
  deps: AccountingDeps,
  input: { connectionId: string; mapping: { payopsCode: string; targetCode: string | null }[]; actorId: string },
) {
  const connection = await loadConnection(deps, input.connectionId);
  const [chart, accounts] = await Promise.all([connectionAdapter(deps, connection).fetchChart(), payopsAccounts(deps)]);
  const byCode = new Map(chart.map((account) => [account.code, account]));
  const names = new Map(accounts.map((a) => [a.code, a.name]));
  const accountMap: AccountMap = {};
  const problems: string[] = [];
  for (const { payopsCode, targetCode } of input.mapping) {
    const name = names.get(payopsCode);
    if (!name) {
      problems.push(`PayOps has no account ${payopsCode}`);
      continue;
    }
    if (!targetCode) continue;
    const problem = problemOf(targetCode, byCode);
    if (problem) problems.push(`${payopsCode} ${name}: ${problem}`);
    else accountMap[payopsCode] = targetCode;
  }
  if (problems.length > 0) throw new AppError("BAD_REQUEST", `Mapping not saved. ${problems.join("; ")}.`);
  await deps.prisma.$transaction(async (tx) => {
    await tx.accountingConnection.update({ where: { id: connection.id }, data: { accountMap } });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.actorId },
      action: "accounting.mapping_saved",
      subject: { type: "accounting_connection", id: connection.id },
      before: connection.accountMap as AccountMap,
      after: accountMap,
    });
  });
  return { mapped: Object.keys(accountMap).length };
}
