import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../server/auth/password";
import { createTestDatabase, type TestDatabase } from "../test/integration/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

function createAdmin(args: string[], input?: string) {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/staff-create-admin.ts", ...args],
    {
      env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "production", AUTH_SECRET: "" },
      input,
      encoding: "utf8",
      timeout: 55_000,
    },
  );
}

describe("npm run staff:create-admin", () => {
  it("creates the first admin from a piped password, audited as the system, and refuses a second with that email", {
    timeout: 60_000,
  }, async () => {
    const first = createAdmin(["--email", "Owner@Example.com", "--name", "Olive Owner"], "a-long-password-9\n");
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const admin = await database.prisma.staffUser.findUniqueOrThrow({ where: { email: "owner@example.com" } });
    expect(admin.role).toBe("admin");
    expect(await verifyPassword(admin.passwordHash, "a-long-password-9")).toBe(true);
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { subjectId: admin.id } });
    expect(audit).toMatchObject({ action: "staff.created", actorKind: "system", actorId: null });

    const again = createAdmin(["--email", "owner@example.com", "--name", "Other", "--password", "another-password-1"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(await database.prisma.staffUser.count()).toBe(1);
  });

  it("refuses a short password and creates nothing", { timeout: 60_000 }, async () => {
    const result = createAdmin(["--email", "short@example.com", "--name", "Shorty", "--password", "short"]);
    expect(result.status).toBe(2);
    expect(await database.prisma.staffUser.count({ where: { email: "short@example.com" } })).toBe(0);
  });
});
