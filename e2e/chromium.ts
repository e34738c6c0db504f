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

/**
 * Debian's Chromium when installed, else Playwright's own browser when it has been downloaded;
 * otherwise a clear instruction, because Playwright's own error points at a download this machine
 * cannot make.
 */
export function resolveChromium(): ChromiumLaunch {
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: FLAGS };
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return { args: FLAGS };
  throw new Error(
    `No Chromium found for the end-to-end tests (looked for ${SYSTEM_CHROMIUM} and Playwright's own browser).\n` +
      "Install it with: sudo apt-get install -y chromium",
  );
}
