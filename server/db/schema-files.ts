import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SchemaFile } from "./schema-engine";

export const SCHEMA_DIR = "prisma/schema";

/** The Prisma schema files of the working tree. */
export function readSchemaFiles(dir = SCHEMA_DIR): SchemaFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".prisma"))
    .sort()
    .map((name) => ({ path: name, content: readFileSync(path.join(dir, name), "utf8") }));
}

/** The Prisma schema files as they were at a git revision; null when that revision had none. */
export function readSchemaFilesAt(revision: string, dir = SCHEMA_DIR): SchemaFile[] | null {
  let listing: string;
  try {
    listing = execFileSync("git", ["ls-tree", "--name-only", `${revision}:${dir}`], { encoding: "utf8" });
  } catch {
    return null;
  }
  const names = listing.split("\n").filter((name) => name.endsWith(".prisma"));
  if (names.length === 0) return null;
  return names.sort().map((name) => ({
    path: name,
    content: execFileSync("git", ["show", `${revision}:${dir}/${name}`], { encoding: "utf8" }),
  }));
}
