// Runs once when the Next.js server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfigAtStart } = await import("./server/observability/validate-config-at-start");
    validateConfigAtStart();
    if ((process.env.JOB_EXECUTOR ?? "local") === "local")
      (await import("./server/jobs/start-local-executor")).startLocalExecutor();
  }
}
