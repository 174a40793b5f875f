import type { NextConfig } from "next"
import createNextIntlPlugin from "next-intl/plugin"

const withNextIntl = createNextIntlPlugin("./app/_lib/i18n-request.ts")

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with HTTP 403 for signed-in users lacking a role.
  experimental: { authInterrupts: true },
  // Node-only libraries are loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ["pino", "bullmq", "ioredis", "pg", "@prisma/adapter-pg", "nodemailer"],
  poweredByHeader: false,
  // npm test builds into test-results/next (scripts/test.sh), so a running demo's build in .next is never
  // replaced under it. A build setting, read by `next build` and by server.ts through this file.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` runs `tsc --noEmit` over the whole repository (workers, tools and tests included),
  // so the build does not type-check a second time.
  typescript: { ignoreBuildErrors: true },
}

export default withNextIntl(nextConfig)
