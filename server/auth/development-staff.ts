import type { StaffRole } from "../db/generated/enums";

/**
 * Development accounts, one per role. Listed in the README; never seeded in production. The roles
 * that move money come with two-factor sign-in set up on a published key (`npm run staff:code --
 * <email>` prints the current code); the risk analyst has none, as the requirement allows.
 */
export const DEVELOPMENT_STAFF: {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
  totpSecret?: string;
}[] = [
  {
    email: "admin@payops.test",
    name: "Ada Admin",
    role: "admin",
    password: "admin-password-1",
    totpSecret: "DBGYHNW3RZFABJLH3SLUELZWW2MBG5LX",
  },
  {
    email: "support@payops.test",
    name: "Sam Support",
    role: "support",
    password: "support-password-1",
    totpSecret: "B2TP4ZO2A43RFCUF37CVTDNRI7MOJNMB",
  },
  {
    email: "support2@payops.test",
    name: "Sky Support",
    role: "support",
    password: "support-password-2",
    totpSecret: "U5AWBQNK6NPMKYQGVOQPJGBQHBIUNBV4",
  },
  {
    email: "finance@payops.test",
    name: "Fay Finance",
    role: "finance",
    password: "finance-password-1",
    totpSecret: "7QMG3DSP5MQOULUR5UC2TIJILKNRYSGK",
  },
  { email: "risk@payops.test", name: "Rex Risk", role: "risk", password: "risk-password-1" },
];
