import type { TracerProvider } from "@opentelemetry/api";
import { PrismaInstrumentation } from "@prisma/instrumentation";

/**
 * Prisma's own query spans (`prisma:client:operation`, `prisma:client:db_query`, …). Prisma's
 * instrumentation patches no module: its `enable()` only hands the Prisma client a tracing helper on
 * the provider. But constructing it (like any OpenTelemetry instrumentation) installs a
 * process-wide require-in-the-middle hook, which then resolves the path of every `require()` Next.js
 * makes while serving a request, for nothing. So the helper is handed over without the constructor.
 */
export function enablePrismaTracing(provider: TracerProvider): void {
  const instrumentation = Object.create(PrismaInstrumentation.prototype) as PrismaInstrumentation;
  // The only state enable() reads besides the provider: the configuration (no span type ignored).
  Object.assign(instrumentation, { _config: {} });
  instrumentation.setTracerProvider(provider);
  instrumentation.enable();
}
