import Module from "node:module";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, describe, expect, it } from "vitest";
import { payopsTracer } from "./payops-tracer";
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

  it("records PayOps's spans through its own tracer", () => {
    payopsTracer().startSpan("probe").end();
    expect(exporter.getFinishedSpans().map((span) => span.name)).toContain("probe");
  });

  it("registers no global provider, so Next.js (which traces its steps through the global one) opens no spans", () => {
    const span = trace.getTracer("next.js").startSpan("BaseServer.handleRequest");
    expect(span.isRecording()).toBe(false);
    span.end();
    expect(exporter.getFinishedSpans().map((each) => each.name)).not.toContain("BaseServer.handleRequest");
  });
});
