import { AppError } from "../errors";
import type { AccountingDeps } from "./accounting-deps";
import { connectionAdapter } from "./connection-adapter";
import type { JournalMode } from "./journal-draft";
import type { AccountMap } from "./target-account";
import { sealSecret } from "./token-cipher";

export type NewConnection = {
  vendor: "quickbooks" | "xero";
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** QuickBooks realm id or Xero tenant id. */
  organisationId: string;
  mode?: JournalMode;
  startDate?: Date | null;
  /** PayOps code → target code, over the accounts whose codes already match. */
  map?: AccountMap;
};

/**
 * Creates a connection from a refresh token (the command line's and tests' way; the back office
 * gets the token from the OAuth flow), then reads the target's chart: accounts whose code equals a
 * PayOps code are mapped by default, `map` sets the others, and a target code the chart lacks is
 * refused. Nothing is sent.
 */
export async function createConnection(deps: AccountingDeps, input: NewConnection) {
  const key = deps.encryptionKey;
  const connection = await deps.prisma.accountingConnection.create({
    data: {
      vendor: input.vendor,
      mode: input.mode ?? "summary",
      organisationId: input.organisationId,
      clientId: input.clientId,
      clientSecretSealed: sealSecret(input.clientSecret, key),
      refreshTokenSealed: sealSecret(input.refreshToken, key),
      startDate: input.startDate ?? null,
    },
  });
  try {
    const chart = await connectionAdapter(deps, connection).fetchChart();
    const codes = new Set(chart.map((account) => account.code));
    const payopsCodes = await deps.prisma.ledgerAccount.findMany({ select: { code: true }, distinct: ["code"] });
    const accountMap: AccountMap = {};
    for (const { code } of payopsCodes) if (codes.has(code)) accountMap[code] = code;
    for (const [payops, target] of Object.entries(input.map ?? {})) {
      if (!codes.has(target))
        throw new AppError("BAD_REQUEST", `--map ${payops}=${target}: the accounting system has no account ${target}`);
      accountMap[payops] = target;
    }
    return await deps.prisma.accountingConnection.update({ where: { id: connection.id }, data: { accountMap } });
  } catch (error) {
    await deps.prisma.accountingConnection.delete({ where: { id: connection.id } });
    throw error;
  }
}
