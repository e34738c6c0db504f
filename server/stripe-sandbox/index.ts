import type { AddressInfo } from "node:net";
import type { SandboxConfigInput } from "./core/config";
import { createSandbox, type SandboxRuntime } from "./core/create-sandbox";
import { filePersister, memoryPersister } from "./core/persistence";
import { newControlToken, writeControlToken } from "./http/control-guard";
import { createHttpServer } from "./http/server";

export type { SandboxConfig, SandboxConfigInput } from "./core/config";
export type { SandboxRuntime } from "./core/create-sandbox";
export type { Faults } from "./core/faults";
export type { DeliveryRecord, Sandbox } from "./core/sandbox";
export { CONTROL_TOKEN_FILE, controlHeaders } from "./http/control-guard";

export interface StartSandboxOptions {
  port: number;
  host?: string;
  /** Omit for an in-memory sandbox with no persistence. */
  dataDir?: string;
  /** Origins allowed to confirm payments from the browser (CORS). */
  allowedOrigins?: string[];
  config?: SandboxConfigInput;
  /** The control API's token; a new random one when omitted. Written to `<dataDir>/control-token`. */
  controlToken?: string;
}

export interface RunningSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Direct access to the state and behaviour, for in-process tests. */
  runtime: SandboxRuntime;
  /** Send as `Authorization: Bearer …` on control calls (`controlHeaders(token)`). */
  controlToken: string;
}

export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const persister = options.dataDir ? filePersister(options.dataDir) : memoryPersister();
  const runtime = createSandbox(persister, options.config);
  const controlToken = options.controlToken ?? newControlToken();
  if (options.dataDir) writeControlToken(options.dataDir, controlToken);
  const { server, closeHangs } = createHttpServer(runtime, {
    allowedOrigins: options.allowedOrigins ?? [],
    controlToken,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    runtime,
    controlToken,
    stop() {
      stopping ??= (async () => {
        closeHangs();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await runtime.stop();
      })();
      return stopping;
    },
  };
}
