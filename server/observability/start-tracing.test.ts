import Module from "node:module";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, describe, expect, it } from "vitest";
import { startTracing } from "./start-tracing";

const requireBefore = Module.prototype.require;
const exporter = new InMemorySpanExporter();
const provider = startTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
afterAll(() => provider.shutdown());

describe("startTracing", () => {
  it("hands Prisma its tracing helper on the provider", () => {
    const helper = (globalThis as { PRISMA_INSTRUMENTATION?: { helper?: { isEnabled(): boolean } } })
      .PRISMA_INSTRUMENTATION?.helper;
    expect(helper?.isEnabled()).toBe(true);
  });

  it("leaves require() alone: no hook resolving every module Next.js loads per request", () => {
    expect(Module.prototype.require).toBe(requireBefore);
  });

  it("records PayOps's spans through the global API", () => {
    trace.getTracer("payops").startSpan("probe").end();
    expect(exporter.getFinishedSpans().map((span) => span.name)).toContain("probe");
  });
});
