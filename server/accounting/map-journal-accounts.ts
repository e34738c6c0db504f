import type { JournalDraft } from "./journal-draft";
import { netJournalLines } from "./net-journal-lines";
import type { AccountMap, TargetAccount } from "./target-account";

export type MappedJournalLine = {
  account: TargetAccount;
  /** The PayOps accounts behind the line (several may share one target account). */
  payopsAccountCodes: string[];
  direction: "debit" | "credit";
  amountMinor: bigint;
  description: string;
};

export type MappedJournal = Omit<JournalDraft, "lines"> & { lines: MappedJournalLine[] };

export type MappingProblem = { payopsAccountCode: string; payopsAccountName: string; reason: string };

/**
 * Translates every journal's accounts into the target's, or names every account that cannot be:
 * unmapped, mapped to a code the target's chart lacks, or mapped to an archived account. Any
 * problem stops the whole batch, so nothing partial is ever sent.
 */
export function mapJournalAccounts(
  drafts: readonly JournalDraft[],
  accountMap: AccountMap,
  chart: readonly TargetAccount[],
  payopsAccountName: (code: string) => string,
): { ok: true; journals: MappedJournal[] } | { ok: false; problems: MappingProblem[] } {
  const byCode = new Map(chart.map((account) => [account.code, account]));
  const problems = new Map<string, MappingProblem>();
  for (const code of new Set(drafts.flatMap((draft) => draft.lines.map((line) => line.accountCode)))) {
    const name = payopsAccountName(code);
    const targetCode = accountMap[code];
    const target = targetCode === undefined ? undefined : byCode.get(targetCode);
    const reason =
      targetCode === undefined
        ? "is not mapped to an account in the accounting system"
        : !target
          ? `is mapped to account ${targetCode}, which the accounting system's chart does not have`
          : !target.active
            ? `is mapped to account ${targetCode} (${target.name}), which is archived in the accounting system`
            : null;
    if (reason) problems.set(code, { payopsAccountCode: code, payopsAccountName: name, reason });
  }
  if (problems.size > 0) {
    return {
      ok: false,
      problems: [...problems.values()].sort((a, b) => a.payopsAccountCode.localeCompare(b.payopsAccountCode)),
    };
  }
  const journals = drafts.map((draft) => {
    const netted = netJournalLines(
      draft.lines.map((line) => ({ ...line, accountCode: accountMap[line.accountCode]! })),
      (targetCode) => byCode.get(targetCode)!.name,
    );
    return {
      ...draft,
      lines: netted.map((line) => ({
        account: byCode.get(line.accountCode)!,
        payopsAccountCodes: draft.lines
          .filter((l) => accountMap[l.accountCode] === line.accountCode)
          .map((l) => l.accountCode),
        direction: line.direction,
        amountMinor: line.amountMinor,
        description:
          draft.lines.find((l) => accountMap[l.accountCode] === line.accountCode)?.description ?? line.description,
      })),
    };
  });
  return { ok: true, journals };
}

/** One sentence naming every problem account, for the connection's status and the command line. */
export function describeMappingProblems(problems: readonly MappingProblem[]): string {
  return `Sync stopped before sending anything: ${problems
    .map((p) => `PayOps account ${p.payopsAccountCode} (${p.payopsAccountName}) ${p.reason}`)
    .join("; ")}.`;
}
