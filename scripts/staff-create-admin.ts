// Creates a PayOps admin: the way to the first staff account in production, where nothing is seeded.
// Usage: npm run staff:create-admin -- --email you@example.com --name "Your Name" [--password …]
// Without --password it asks on the terminal (or reads one line from stdin when piped).
// Uses DATABASE_URL when set, else the embedded database under PAYOPS_DATA_DIR (default .data).
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createStaffUser } from "../server/auth/create-staff-user";
import { createPrismaClient } from "../server/db/client";
import { startDatabase } from "../server/db/start-database";
import { parseServerEnv } from "../server/env";
import { AppError } from "../server/errors";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});
if (!values.email?.includes("@") || !values.name?.trim()) {
  console.error('Usage: npm run staff:create-admin -- --email you@example.com --name "Your Name" [--password …]');
  process.exit(2);
}
const password = values.password ?? (await askPassword());
if (password.length < 12 || password.length > 200) {
  console.error("Passwords are 12 to 200 characters.");
  process.exit(2);
}

const env = parseServerEnv({ ...process.env, NODE_ENV: "development" });
const database = await startDatabase(env, path.resolve(process.env.PAYOPS_DATA_DIR || ".data"));
const prisma = createPrismaClient(database.url);
try {
  const { id } = await createStaffUser(prisma, {
    email: values.email,
    name: values.name,
    role: "admin",
    password,
    actorId: undefined,
  });
  console.log(`Admin ${values.email.trim().toLowerCase()} created (${id}); sign in at /sign-in.`);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await database.stop();
}

async function askPassword(): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const answer = await terminal.question(process.stdin.isTTY ? "Password (12+ characters): " : "");
  terminal.close();
  return answer.trim();
}
