// Prints the current two-factor code of a development account: npm run staff:code -- admin@payops.test
// Only the development accounts' keys are known here (server/auth/development-staff.ts).
import { DEVELOPMENT_STAFF } from "../server/auth/development-staff";
import { currentTotpCode } from "../server/auth/totp-codes";

const email = process.argv[2]?.trim().toLowerCase();
const member = DEVELOPMENT_STAFF.find((candidate) => candidate.email === email);
if (!member?.totpSecret) {
  const known = DEVELOPMENT_STAFF.filter((candidate) => candidate.totpSecret).map((candidate) => candidate.email);
  console.error(`Usage: npm run staff:code -- <email>, one of ${known.join(", ")}`);
  process.exit(2);
}
const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${await currentTotpCode(member.totpSecret)} (for ${seconds} more seconds)`);
