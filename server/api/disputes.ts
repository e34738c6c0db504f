import { z } from "zod";
import { db } from "../db/client";
import { acceptDispute } from "../disputes/accept-dispute";
import { appDisputeDeps } from "../disputes/dispute-deps";
import { disputeEvidenceSchema } from "../disputes/dispute-evidence";
import { getDisputeDetail } from "../disputes/get-dispute-detail";
import { listDisputes } from "../disputes/list-disputes";
import { saveEvidenceDraft } from "../disputes/save-evidence-draft";
import { submitDisputeEvidence } from "../disputes/submit-dispute-evidence";
import { permitted } from "./procedures";
import { router } from "./trpc";

const disputeId = z.uuid("expected a dispute id");

/** The disputes list (by deadline), one dispute with its evidence form, draft and submission. */
export const disputesRouter = router({
  list: permitted("orders.read")
    .input(z.object({ filter: z.enum(["open", "closed", "all"]).default("open") }).default({ filter: "open" }))
    .query(({ input }) => listDisputes(db(), input.filter)),
  detail: permitted("orders.read")
    .input(z.object({ disputeId }))
    .query(({ input }) => getDisputeDetail(db(), input.disputeId)),
  saveDraft: permitted("disputes.respond")
    .input(z.object({ disputeId, evidence: disputeEvidenceSchema }))
    .mutation(({ input, ctx }) =>
      saveEvidenceDraft({ ...input, savedBy: { id: ctx.staff.userId, role: ctx.staff.role } }, { prisma: db() }),
    ),
  accept: permitted("disputes.respond")
    .input(z.object({ disputeId, reason: z.string().trim().min(1, "say why the dispute is accepted").max(1000) }))
    .mutation(({ input, ctx }) => acceptDispute({ ...input, staffUserId: ctx.staff.userId }, appDisputeDeps())),
  submit: permitted("disputes.respond")
    .input(z.object({ disputeId, evidence: disputeEvidenceSchema }))
    .mutation(({ input, ctx }) =>
      submitDisputeEvidence(
        { ...input, submittedBy: { id: ctx.staff.userId, role: ctx.staff.role } },
        appDisputeDeps(),
      ),
    ),
});
