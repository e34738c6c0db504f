import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Quiet, offline-friendly Chromium: no sandbox (containers run as root), no GPU, no background calls home.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type ChromiumLaunch = { executablePath?: string; args: string[] };

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** What to install when no browser is found; the README's quick start says the same. */
export const INSTALL_CHROMIUM =
  "Install one: on Debian or Ubuntu `sudo apt-get install chromium`; anywhere else `npx playwright install chromium`.";

/**
 * Playwright's own Chromium when it has been downloaded (`npx playwright install chromium`), else
 * Debian's; otherwise a clear instruction, because Playwright's own error only names its download.
 */
export function resolveChromium(
  places: { bundled?: string; system?: string } = { bundled: playwrightChromium(), system: SYSTEM_CHROMIUM },
): ChromiumLaunch {
  if (places.bundled && existsSync(places.bundled)) return { args: FLAGS };
  if (places.system && existsSync(places.system)) return { executablePath: places.system, args: FLAGS };
  throw new Error(
    `No Chromium found for the end-to-end tests (looked for Playwright's own browser${places.bundled ? ` at ${places.bundled}` : ""} and for ${places.system ?? SYSTEM_CHROMIUM}).\n${INSTALL_CHROMIUM}`,
  );
}
