import type { StaffRole } from "../db/generated/enums";

/** Development accounts, one per role. Listed in the README; never seeded in production. */
export const DEVELOPMENT_STAFF: { email: string; name: string; role: StaffRole; password: string }[] = [
  { email: "admin@payops.test", name: "Ada Admin", role: "admin", password: "admin-password-1" },
  { email: "support@payops.test", name: "Sam Support", role: "support", password: "support-password-1" },
  { email: "support2@payops.test", name: "Sky Support", role: "support", password: "support-password-2" },
  { email: "finance@payops.test", name: "Fay Finance", role: "finance", password: "finance-password-1" },
  { email: "risk@payops.test", name: "Rex Risk", role: "risk", password: "risk-password-1" },
];
