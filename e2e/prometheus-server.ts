import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type RunningPrometheus = {
  url: string;
  /** A PromQL instant query's single value (the first series), or null when the result is empty. */
  query: (expression: string) => Promise<number | null>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts Debian's `prometheus` on a free port, scraping the app's /api/metrics every second with
 * the bearer token, with storage in a temporary directory removed on stop.
 */
export async function startPrometheus(options: { target: string; token: string }): Promise<RunningPrometheus> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "payops-prometheus-"));
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, "token"), options.token);
  writeFileSync(
    path.join(dir, "prometheus.yml"),
    [
      "global: { scrape_interval: 1s, evaluation_interval: 1s }",
      "scrape_configs:",
      "  - job_name: payops",
      "    metrics_path: /api/metrics",
      `    authorization: { type: Bearer, credentials_file: ${path.join(dir, "token")} }`,
      `    static_configs: [{ targets: ["${options.target}"] }]`,
      "",
    ].join("\n"),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(
    "prometheus",
    [
      `--config.file=${path.join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=warn",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    child.once("error", (error) =>
      reject(new Error(`could not start prometheus (Debian: apt-get install prometheus): ${error.message}`)),
    ),
  );

  const ready = (async () => {
    for (let waited = 0; waited < 20_000; waited += 200) {
      if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${output}`);
      const response = await fetch(`${url}/-/ready`).catch(() => null);
      if (response?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`prometheus did not become ready on ${url}:\n${output}`);
  })();
  await Promise.race([ready, spawnError]);

  return {
    url,
    query: async (expression) => {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expression)}`);
      const body = (await response.json()) as { status: string; data: { result: { value: [number, string] }[] } };
      if (body.status !== "success") throw new Error(`PromQL ${expression} failed: ${JSON.stringify(body)}`);
      const first = body.data.result[0];
      return first ? Number(first.value[1]) : null;
    },
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
