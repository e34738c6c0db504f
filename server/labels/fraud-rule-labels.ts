import type { FraudListKind } from "../fraud/management/fraud-list-kinds";
import type { RuleChange } from "../fraud/management/record-rule-version";
import type { RuleAction } from "../fraud/rules/rule-ast";
import { labelFrom } from "./in-words";

/** What a rule does when it matches, as Radar's dashboard names it. */
export const RULE_ACTION_LABELS: Record<RuleAction, string> = {
  request_3ds: "Request 3-D Secure",
  allow: "Allow",
  block: "Block",
  review: "Send to review",
};

/** What a decision did with a payment, as the backtest tells it. */
export const DECISION_ACTION_LABELS: Record<RuleAction, string> = {
  request_3ds: "Asked for 3-D Secure",
  allow: "Went ahead",
  block: "Refused",
  review: "Held for review",
};

/** What a saved list holds. */
export const FRAUD_LIST_KIND_LABELS: Record<FraudListKind, string> = {
  email: "Email addresses",
  email_domain: "Email domains",
  ip_address: "IP addresses",
  card_fingerprint: "Card fingerprints",
  country: "Countries",
};

/** What one version of a rule changed. */
export const RULE_CHANGE_LABELS: Record<RuleChange, string> = {
  created: "Added",
  edited: "Text changed",
  enabled: "Switched on",
  disabled: "Switched off",
  moved: "Moved in the order",
};

export const ruleActionLabel = (action: string) => labelFrom(RULE_ACTION_LABELS, action);
export const decisionActionLabel = (action: string) => labelFrom(DECISION_ACTION_LABELS, action);
export const fraudListKindLabel = (kind: string) => labelFrom(FRAUD_LIST_KIND_LABELS, kind);
export const ruleChangeLabel = (change: string) => labelFrom(RULE_CHANGE_LABELS, change);
