import type { Permission } from "../auth/permissions";

/**
 * What every tRPC procedure requires: a permission, "staff" (any signed-in staff member) or
 * "public". The permission test calls each procedure of the real appRouter as every role and
 * signed out and holds it to this table; a procedure missing here fails that test.
 */
export const PROCEDURE_PERMISSIONS: Record<string, Permission | "staff" | "public"> = {
  "checkout.summary": "public",
  "checkout.start": "public",
  "checkout.order": "public",
  "checkout.syncPayment": "public",
  "checkout.resumePayment": "public",

  "session.me": "staff",
  "session.signOutEverywhere": "staff",
  "twoFactor.start": "staff",
  "twoFactor.confirm": "staff",

  "orders.overview": "orders.read",
  "orders.list": "orders.read",
  "orders.detail": "orders.read",
  "orders.cancel": "orders.cancel",

  "staffUsers.list": "users.manage",
  "staffUsers.create": "users.manage",
  "staffUsers.changeRole": "users.manage",
  "staffUsers.resetTwoFactor": "users.manage",
  "staffUsers.securitySettings": "users.manage",
  "staffUsers.setTwoFactorRequirement": "users.manage",
  "staffUsers.setActive": "users.manage",
  "staffUsers.signOutEverywhere": "users.manage",

  "health.overview": "health.read",
  "operations.deadLetters": "operations.manage",
  "operations.replay": "operations.manage",
  "operations.discard": "operations.manage",
  "operations.processingPause": "operations.manage",
  "operations.setProcessingPaused": "operations.manage",

  "audit.list": "audit.read",
  "audit.exportCsv": "audit.read",

  "refunds.forOrder": "orders.read",
  "refunds.request": "refunds.request",
  "refunds.retryIssue": "refunds.request",
  "refunds.awaitingApproval": "refunds.approve",
  "refunds.approve": "refunds.approve",
  "refunds.reject": "refunds.approve",
  "refunds.failed": "orders.read",

  "fraud.reviewQueue": "fraud.review",
  "fraud.approveReview": "fraud.review",
  "fraud.rejectReview": "fraud.review",
  "fraudRules.list": "fraud.rules.manage",
  "fraudRules.add": "fraud.rules.manage",
  "fraudRules.edit": "fraud.rules.manage",
  "fraudRules.setEnabled": "fraud.rules.manage",
  "fraudRules.move": "fraud.rules.manage",
  "fraudRules.lists": "fraud.rules.manage",
  "fraudRules.addList": "fraud.rules.manage",
  "fraudRules.addListEntry": "fraud.rules.manage",
  "fraudRules.removeListEntry": "fraud.rules.manage",
  "disputes.list": "orders.read",
  "disputes.detail": "orders.read",
  "disputes.saveDraft": "disputes.respond",
  "disputes.submit": "disputes.respond",
  "disputes.uploadEvidenceFile": "disputes.respond",

  "reconciliation.overview": "reconciliation.read",
  "reconciliation.breaks": "reconciliation.read",
  "reconciliation.breakDetail": "reconciliation.read",
  "reconciliation.exportCsv": "reconciliation.read",
  "reconciliation.runs": "reconciliation.read",
  "reconciliation.requestRun": "reconciliation.resolve",
  "reconciliation.resolvers": "reconciliation.resolve",
  "reconciliation.assign": "reconciliation.resolve",
  "reconciliation.resolve": "reconciliation.resolve",
  "reconciliation.bankAccounts": "reconciliation.read",
  "reconciliation.previewStatement": "reconciliation.resolve",
  "reconciliation.importStatement": "reconciliation.resolve",
  "disputes.accept": "disputes.respond",

  "accounting.connections": "accounting.read",
  "accounting.connection": "accounting.read",
  "accounting.journals": "accounting.read",
  "accounting.journal": "accounting.read",
  "accounting.startSync": "accounting.sync",
  "accounting.retry": "accounting.sync",
  "accounting.exportCsv": "accounting.sync",
  "accounting.mapping": "accounting.connect",
  "accounting.saveMapping": "accounting.connect",
};
