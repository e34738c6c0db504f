import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { FraudHook } from "../fraud-hook";

/** Where a merchant puts TypeScript fraud hooks: one file per hook, default-exporting a FraudHook. */
export const MERCHANT_HOOKS_FOLDER = "fraud-hooks";

export function isFraudHook(value: unknown): value is FraudHook {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as FraudHook).name === "string" &&
    (value as FraudHook).name.length > 0 &&
    typeof (value as FraudHook).decide === "function"
  );
}

/**
 * Every hook in the folder, in file-name order, checked to be a FraudHook (a file that is not one
 * stops the start with its name: a hook the merchant wrote must not be silently left out).
 * Files starting with `_` or ending in `.test.ts` are skipped.
 */
export async function loadTypeScriptHooks(folder: string): Promise<FraudHook[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter(
      (name) =>
        /\.(ts|js|mjs)$/.test(name) && !name.startsWith("_") && !/\.test\.[jt]s$/.test(name) && !name.endsWith(".d.ts"),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const hooks: FraudHook[] = [];
  for (const name of names.sort()) {
    const module = (await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(path.join(folder, name)).href
    )) as {
      default?: unknown;
    };
    if (!isFraudHook(module.default)) {
      throw new Error(`${path.join(folder, name)} must export default a fraud hook: { name, decide(check) }`);
    }
    hooks.push(module.default);
  }
  return hooks;
}
