import type { AuditAction } from "../../audit/audit-actions";
import { recordAudit } from "../../audit/record-audit";
import type { Tx } from "../../db/client";

export type RuleState = { source: string; action: string; position: number; enabled: boolean; version: number };
export type RuleChange = "created" | "edited" | "enabled" | "disabled" | "moved";

const AUDIT_ACTION: Record<RuleChange, AuditAction> = {
  created: "fraud.rule_added",
  edited: "fraud.rule_edited",
  enabled: "fraud.rule_enabled",
  disabled: "fraud.rule_disabled",
  moved: "fraud.rule_moved",
};

/**
 * Writes a rule's new version and its audit row in the caller's transaction: the version table
 * holds every state the rule has had (who and when), the audit row the before and after.
 */
export async function recordRuleVersion(
  tx: Tx,
  input: {
    ruleId: string;
    change: RuleChange;
    staffUserId: string;
    before: RuleState | null;
    after: RuleState;
    note?: string;
  },
): Promise<void> {
  await tx.fraudRuleVersion.create({
    data: {
      ruleId: input.ruleId,
      version: input.after.version,
      source: input.after.source,
      action: input.after.action,
      position: input.after.position,
      enabled: input.after.enabled,
      change: input.change,
      changedById: input.staffUserId,
      note: input.note?.trim() || null,
    },
  });
  await recordAudit(tx, {
    actor: { kind: "staff", staffUserId: input.staffUserId },
    action: AUDIT_ACTION[input.change],
    subject: { type: "fraud_rule", id: input.ruleId },
    reason: input.note?.trim() || undefined,
    ...(input.before ? { before: input.before } : {}),
    after: input.after,
  });
}
