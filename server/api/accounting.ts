import { z } from "zod";
import { describeAccountMapping, saveAccountMapping } from "../accounting/account-mapping";
import { accountingDepsFromEnv } from "../accounting/accounting-deps";
import { exportConnectionJournals } from "../accounting/export-connection-journals";
import { getConnection, listConnections } from "../accounting/list-connections";
import { getJournal, listJournals } from "../accounting/list-journals";
import { connectableVendors } from "../accounting/oauth-settings";
import { requestSync, resendFailedJournals } from "../accounting/request-sync";
import { db } from "../db/client";
import { AppError } from "../errors";
import { calendarDate } from "../validation/storable-input";
import { permitted } from "./procedures";
import { router } from "./trpc";

const connectionId = z.uuid("expected an accounting connection's id");
const journalId = z.uuid("expected a journal's id");
const accountCode = z.string().trim().min(1).max(40);

/** Finance's accounting sync: connections, journals and what was sent; admins connect and map accounts. */
export const accountingRouter = router({
  connections: permitted("accounting.read").query(async () => ({
    connections: await listConnections(db()),
    connectable: connectableVendors(),
  })),
  connection: permitted("accounting.read")
    .input(z.object({ connectionId }))
    .query(async ({ input }) => {
      const connection = await getConnection(db(), input.connectionId);
      if (!connection) throw new AppError("NOT_FOUND", "No such accounting connection");
      return connection;
    }),
  journals: permitted("accounting.read")
    .input(z.object({ connectionId, status: z.enum(["pending", "sent", "failed", "empty"]).nullish() }))
    .query(({ input }) => listJournals(db(), { connectionId: input.connectionId, status: input.status ?? undefined })),
  journal: permitted("accounting.read")
    .input(z.object({ journalId }))
    .query(({ input }) => getJournal(db(), input.journalId)),
  startSync: permitted("accounting.sync")
    .input(z.object({ connectionId }))
    .mutation(({ input, ctx }) => requestSync(db(), input.connectionId, ctx.staff.userId)),
  retry: permitted("accounting.sync")
    .input(z.object({ connectionId, journalId: journalId.nullish() }))
    .mutation(({ input, ctx }) =>
      resendFailedJournals(
        db(),
        { connectionId: input.connectionId, journalId: input.journalId ?? undefined },
        ctx.staff.userId,
      ),
    ),
  exportCsv: permitted("accounting.sync")
    .input(
      z.object({
        connectionId,
        from: calendarDate(),
        to: calendarDate(),
        format: z.enum(["quickbooks", "xero", "double_entry"]),
      }),
    )
    .mutation(({ input }) => exportConnectionJournals(db(), input)),
  mapping: permitted("accounting.connect")
    .input(z.object({ connectionId }))
    .query(({ input }) => describeAccountMapping(accountingDepsFromEnv(db()), input.connectionId)),
  saveMapping: permitted("accounting.connect")
    .input(
      z.object({
        connectionId,
        mapping: z
          .array(z.object({ payopsCode: accountCode, targetCode: accountCode.nullable() }))
          .max(500, "at most 500 accounts"),
      }),
    )
    .mutation(({ input, ctx }) =>
      saveAccountMapping(accountingDepsFromEnv(db()), { ...input, actorId: ctx.staff.userId }),
    ),
});
