import type { PrismaClient } from "../db/client";
import { accountingKey, openSecret } from "./token-cipher";

/**
 * The start-up check: once an accounting connection exists, ACCOUNTING_ENCRYPTION_KEY must be set
 * and must open the connections' sealed tokens (a changed key would otherwise surface only as
 * failing syncs an hour later). Without connections the key is not needed.
 */
export async function checkAccountingConfiguration(prisma: PrismaClient, keyValue: string | undefined): Promise<void> {
  const connection = await prisma.accountingConnection.findFirst({
    select: { clientSecretSealed: true },
    orderBy: { createdAt: "desc" },
  });
  if (!connection) return;
  if (!keyValue) {
    throw new Error(
      "ACCOUNTING_ENCRYPTION_KEY is required: accounting connections exist and their tokens are sealed with it",
    );
  }
  try {
    openSecret(connection.clientSecretSealed, accountingKey(keyValue));
  } catch {
    throw new Error(
      "ACCOUNTING_ENCRYPTION_KEY does not open the accounting connections' tokens: it is not the key they were sealed with",
    );
  }
}
