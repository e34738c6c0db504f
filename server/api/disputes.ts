import { z } from "zod";
import { db } from "../db/client";
import { acceptDispute } from "../disputes/accept-dispute";
import { appDisputeDeps } from "../disputes/dispute-deps";
import { disputeEvidenceSchema, EVIDENCE_FILE_FIELDS } from "../disputes/dispute-evidence";
import { getDisputeDetail } from "../disputes/get-dispute-detail";
import { listDisputes } from "../disputes/list-disputes";
import { saveEvidenceDraft } from "../disputes/save-evidence-draft";
import { submitDisputeEvidence } from "../disputes/submit-dispute-evidence";
import { uploadEvidenceFile } from "../disputes/upload-evidence-file";
import { permitted } from "./procedures";
import { router } from "./trpc";

const disputeId = z.uuid("expected a dispute id");

/** Base64 of a little more than Stripe's 5 MB, so a file just over the limit hears the domain's reason. */
const EVIDENCE_FILE_BASE64_MAX = Math.ceil((6 * 1024 * 1024 * 4) / 3);

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
  uploadEvidenceFile: permitted("disputes.respond")
    .input(
      z.object({
        disputeId,
        field: z.enum(EVIDENCE_FILE_FIELDS),
        filename: z.string().trim().min(1).max(200),
        contentBase64: z.base64("expected the file's bytes").max(EVIDENCE_FILE_BASE64_MAX, "the file is over 5 MB"),
      }),
    )
    .mutation(({ input, ctx }) =>
      uploadEvidenceFile(
        {
          disputeId: input.disputeId,
          field: input.field,
          filename: input.filename,
          bytes: Buffer.from(input.contentBase64, "base64"),
          uploadedBy: { id: ctx.staff.userId, role: ctx.staff.role },
        },
        appDisputeDeps(),
      ),
    ),
  submit: permitted("disputes.respond")
    .input(z.object({ disputeId, evidence: disputeEvidenceSchema }))
    .mutation(({ input, ctx }) =>
      submitDisputeEvidence(
        { ...input, submittedBy: { id: ctx.staff.userId, role: ctx.staff.role } },
        appDisputeDeps(),
      ),
    ),
});
