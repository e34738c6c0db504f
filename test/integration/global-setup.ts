import type { TestProject } from "vitest/node";
import { chooseTestPort } from "../../scripts/choose-test-port";
import { acquirePostgresServer, type PostgresServer } from "../../server/db/postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

let server: PostgresServer | undefined;

// One PostgreSQL server for the run: DATABASE_URL's (local only) or an embedded one of its own.
export async function setup(project: TestProject) {
  server = await acquirePostgresServer({
    databaseUrl: process.env.DATABASE_URL,
    embeddedDir: ".data/test-postgres",
    embeddedPort: await chooseTestPort("TEST_EMBEDDED_POSTGRES_PORT", 54339),
    portVariable: "TEST_EMBEDDED_POSTGRES_PORT",
    requireLocal: true,
  });
  project.provide("postgresAdminUrl", server.url("postgres"));
}

export async function teardown() {
  await server?.stop();
}
