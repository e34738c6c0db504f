import { isPortFree, pickFreePort } from "../server/db/is-port-free";

/**
 * The port a test run listens on: the one `variable` names when it is set (kept even if busy, so
 * a clash says so), else `preferred` when it is free, else any free port. A run beside `npm run dev`
 * or another copy of PayOps therefore never collides with it.
 */
export async function chooseTestPort(
  variable: string,
  preferred: number,
  options: { env?: Record<string, string | undefined>; avoid?: ReadonlySet<number> } = {},
): Promise<number> {
  const given = (options.env ?? process.env)[variable];
  if (given) return Number(given);
  const avoid = options.avoid ?? new Set();
  if (!avoid.has(preferred) && (await isPortFree(preferred))) return preferred;
  for (;;) {
    const port = await pickFreePort();
    if (!avoid.has(port)) return port;
  }
}
