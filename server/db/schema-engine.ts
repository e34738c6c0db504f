import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's schema engine compiled to WebAssembly (pinned in package.json). The native engine
// cannot be downloaded on offline machines; this one ships on npm. Its API is internal to the
// pinned version, so everything that touches it lives in this file.
type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout?: string }>;
  free(): void;
};
type EngineModule = {
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: object) => Promise<Engine> };
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let loaded: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const glue = (await import(/* @vite-ignore */ path.join(dir, "schema_engine_bg.js"))) as unknown as EngineModule &
    Record<string, unknown>;
  const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export type SchemaFile = { path: string; content: string };

/** SQL that takes a database from `fromFiles` (or empty) to `toFiles`. */
export async function diffSchemas(options: {
  connectionString: string;
  fromFiles: SchemaFile[] | null;
  toFiles: SchemaFile[];
}): Promise<string> {
  loaded ??= loadEngineModule();
  const mod = await loaded;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: options.connectionString }));
  let output = "";
  const engine = await mod.SchemaEngine.new(
    { datamodels: options.toFiles.map((f) => [f.path, f.content]) },
    () => {},
    adapter,
  );
  try {
    const result = await engine.diff({
      from: options.fromFiles ? { tag: "schemaDatamodel", files: options.fromFiles } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: options.toFiles },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    output = result.stdout ?? "";
  } finally {
    engine.free();
  }
  return output;
}
